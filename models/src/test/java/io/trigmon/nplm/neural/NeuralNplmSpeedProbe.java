package io.trigmon.nplm.neural;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Not a unit test (no timing thresholds): measures seconds per epoch of the neural NPLM at the
 * benchmark size N_R = 10⁵, N_D = 2·10⁴. Run with {@code -Dtest=NeuralNplmSpeedProbe}.
 */
class NeuralNplmSpeedProbe {

  @Test
  void secondsPerEpoch() {
    SplittableRandom random = new SplittableRandom(1);
    double[][] reference = new double[100_000][5];
    double[][] data = new double[20_000][5];
    for (double[][] sample : new double[][][] {reference, data}) {
      for (double[] row : sample) {
        for (int j = 0; j < 5; j++) {
          row[j] = random.nextGaussian();
        }
      }
    }
    int epochs = Integer.getInteger("epochs", 300);
    NeuralNplmFit fit =
        new NeuralNplm(NeuralNplmConfig.papers(epochs).withProgressEvery(100), System.out::println)
            .tau(NeuralNplmProblem.withoutNuisances(reference, 0.2, data));
    System.out.printf(
        "neural NPLM N_R=1e5 N_D=2e4: %d epochs in %.1f s = %.2f ms/epoch; 3e5 epochs ≈ %.2f h%n",
        epochs, fit.seconds(), 1000 * fit.seconds() / epochs, fit.seconds() / epochs * 3e5 / 3600);
  }
}
