package io.trigmon.nplm.neural;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Not a unit test (no timing thresholds): measures seconds per test (τ and Δ) and per loss
 * evaluation of the neural NPLM at the benchmark size N_R = 10⁵, N_D = 2·10⁴, default training
 * (L-BFGS). Run with {@code -Dtest=NeuralNplmSpeedProbe}.
 */
class NeuralNplmSpeedProbe {

  @Test
  void secondsPerTest() {
    SplittableRandom random = new SplittableRandom(1);
    double[][] reference = new double[Integer.getInteger("nr", 100_000)][5];
    double[][] data = new double[Integer.getInteger("nd", 20_000)][5];
    for (double[][] sample : new double[][][] {reference, data}) {
      for (double[] row : sample) {
        for (int j = 0; j < 5; j++) {
          row[j] = random.nextGaussian();
        }
      }
    }
    long cpu0 =
        ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    NeuralNplmFit fit =
        new NeuralNplm(
                NeuralNplmConfig.defaults().withProgressEvery(Integer.getInteger("every", 50)),
                System.out::println)
            .test(
                NeuralNplmProblem.withoutNuisances(
                    reference, (double) data.length / reference.length, data));
    double cpu =
        (((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime()
                - cpu0)
            / 1e9;
    System.out.printf("process CPU %.1f s%n", cpu);
    System.out.printf(
        "neural NPLM N_R=%d N_D=%d: t=%.3f, %d iterations, %d evaluations in %.1f s ="
            + " %.1f ms/evaluation; 3e5 Adam epochs at that rate ≈ %.2f h%n",
        reference.length,
        data.length,
        fit.t(),
        fit.iterations(),
        fit.evaluations(),
        fit.seconds(),
        1000 * fit.seconds() / fit.evaluations(),
        fit.seconds() / fit.evaluations() * 3e5 / 3600);
  }
}
