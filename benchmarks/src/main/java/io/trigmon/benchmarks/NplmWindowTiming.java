package io.trigmon.benchmarks;

import io.trigmon.nplm.KernelNplm;
import io.trigmon.nplm.NplmOptions;
import io.trigmon.nplm.NplmResult;
import io.trigmon.nuisance.NuisanceModel;
import io.trigmon.nuisance.NuisanceTerms;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;

/**
 * Times one kernel NPLM window test the way the monitor runs it (τ and Δ fits with the shipped δ̂
 * model and the 2.5 % normalisation nuisance, {@link KernelNplm#test(double[][], NplmOptions)}),
 * single-threaded (the whole test inside a one-thread fork-join pool: thread CPU time) and on the
 * common pool (wall and process CPU time), and prints one tab-separated line per test with its
 * result, so that two builds of the solver can be run alternately on the same machine state and
 * compared number by number (benchmarks/nplm-solver.sh). Not a JMH benchmark: what matters here is
 * CPU time per window and the equality of the results, and the reference preparation (seconds at
 * N_R = 10⁵) is done once per process.
 *
 * <pre>
 *   java -cp ... io.trigmon.benchmarks.NplmWindowTiming N_R N_D WINDOWS NUISANCE_DIR LABEL
 * </pre>
 *
 * N_R and N_D are dilepton counts of the Drell–Yan simulator (reference seed 7, window seeds 1000 +
 * w, as in {@code ./trigmon bench pipeline}); M = ⌈√N_R⌉ by the published protocol.
 */
public final class NplmWindowTiming {

  private NplmWindowTiming() {}

  public static void main(String[] args) throws InterruptedException, ExecutionException {
    int referenceSize = Integer.parseInt(args[0]);
    int windowSize = Integer.parseInt(args[1]);
    int windows = Integer.parseInt(args[2]);
    NuisanceModel delta = NuisanceModel.load(Path.of(args[3]));
    String label = args[4];
    double[][] reference = DileptonSamples.drellYan(referenceSize, 7);
    KernelNplm nplm = KernelNplm.prepare(reference, delta, KernelNplm.protocol(reference, 0, 11));
    NplmOptions options =
        NplmOptions.expected(windowSize).withNormSigma(NplmOptions.DEFAULT_NORM_SIGMA);
    double[][][] data = new double[windows][][];
    NuisanceTerms[] terms = new NuisanceTerms[windows];
    for (int w = 0; w < windows; w++) {
      data[w] = DileptonSamples.drellYan(windowSize, 1000 + w);
      terms[w] = delta.evaluate(data[w]);
    }
    System.out.printf(
        Locale.ROOT,
        "# %s N_R=%d N_D=%d M=%d rank=%d prepare=%.2fs cores=%d%n",
        label,
        referenceSize,
        windowSize,
        nplm.hyperParameters().centres(),
        nplm.rank(),
        nplm.prepareSeconds(),
        Runtime.getRuntime().availableProcessors());
    ForkJoinPool single = new ForkJoinPool(1);
    for (int w = 0; w < windows; w++) { // warm-up (JIT), not printed
      int i = w;
      single.submit(() -> nplm.test(data[i], terms[i], options)).get();
      nplm.test(data[i], terms[i], options);
    }
    System.out.println(
        "label\tmode\twindow\twall_s\tcpu_s\tt\ttau\tdelta\tnu_hat\tnu_hat_delta\titerations");
    for (int w = 0; w < windows; w++) {
      int i = w;
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      double[] cpu = new double[1];
      long start = System.nanoTime();
      NplmResult one =
          single
              .submit(
                  () -> {
                    long c0 = threads.getCurrentThreadCpuTime();
                    NplmResult r = nplm.test(data[i], terms[i], options);
                    cpu[0] = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
                    return r;
                  })
              .get();
      print(label, "1-thread", w, (System.nanoTime() - start) / 1e9, cpu[0], one);
      long c0 = processCpu();
      start = System.nanoTime();
      NplmResult pooled = nplm.test(data[i], terms[i], options);
      double wall = (System.nanoTime() - start) / 1e9;
      print(label, "pool", w, wall, (processCpu() - c0) / 1e9, pooled);
    }
    single.shutdown();
  }

  private static void print(
      String label, String mode, int window, double wall, double cpu, NplmResult r) {
    System.out.printf(
        Locale.ROOT,
        "%s\t%s\t%d\t%.4f\t%.4f\t%.10g\t%.10g\t%.10g\t%s\t%s\t%d%n",
        label,
        mode,
        window,
        wall,
        cpu,
        r.t(),
        r.tau(),
        r.delta(),
        r.nuHat(),
        r.nuHatDelta(),
        r.iterations());
  }

  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
