package io.trigmon.nplm;

import io.trigmon.nuisance.NuisanceTerms;
import java.util.Map;

/** Manual speed probe (not a test): java -cp ... io.trigmon.nplm.SpeedProbe NR ND M. */
final class SpeedProbe {
  static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  public static void main(String[] args) {
    int nr = Integer.parseInt(args[0]);
    int nd = Integer.parseInt(args[1]);
    int m = Integer.parseInt(args[2]);
    double[][] ref = Samples.gaussian(nr, 0, 1);
    KernelHyperParameters hp = KernelNplm.protocol(ref, m, 7);
    long t0 = System.nanoTime();
    KernelNplm plain = KernelNplm.prepare(ref, NuisanceTerms.none(), hp);
    System.out.printf(
        "prepare %.2fs rank %d sigma %.3f%n",
        (System.nanoTime() - t0) / 1e9, plain.rank(), hp.sigma());
    KernelNplm nuis = KernelNplm.prepare(ref, Samples.shiftTerms(ref, 0.1), hp);
    for (int rep = 0; rep < 3; rep++) {
      double[][] data = Samples.gaussian(nd, 0.1, 100 + rep);
      long c0 = cpu();
      NplmResult r = plain.test(data, NuisanceTerms.none(), NplmOptions.expected(nd));
      System.out.printf(
          "plain t=%.3f wall %.2fs cpu %.2fs it %d%n",
          r.t(), r.seconds(), (cpu() - c0) / 1e9, r.iterations());
      c0 = cpu();
      NplmResult q =
          nuis.test(
              data,
              Samples.shiftTerms(data, 0.1),
              NplmOptions.expected(nd).withNormSigma(0.025).withAux(Map.of()));
      System.out.printf(
          "nuis t=%.3f tau=%.3f delta=%.3f nu=%s wall %.2fs cpu %.2fs it %d%n",
          q.t(), q.tau(), q.delta(), q.nuHat(), q.seconds(), (cpu() - c0) / 1e9, q.iterations());
    }
  }
}
