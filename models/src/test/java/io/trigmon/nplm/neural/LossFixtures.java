package io.trigmon.nplm.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.trigmon.nuisance.NuisanceTerms;
import java.util.List;
import java.util.SplittableRandom;

/** Random inputs and δ̂ terms for the neural NPLM loss tests. */
final class LossFixtures {

  private LossFixtures() {}

  /** n rows of d standard-normal features. */
  static double[][] rows(int n, int d, SplittableRandom random) {
    double[][] x = new double[n][d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        row[j] = random.nextGaussian();
      }
    }
    return x;
  }

  /** δ̂ of two nuisances "a" and "b" on n events: linear ~ 0.1, quadratic ~ 0.02. */
  static NuisanceTerms terms(int n, SplittableRandom random) {
    double[][] lin = new double[2][n];
    double[][] quad = new double[2][n];
    for (int k = 0; k < 2; k++) {
      for (int e = 0; e < n; e++) {
        lin[k][e] = 0.1 * random.nextGaussian();
        quad[k][e] = 0.02 * random.nextGaussian();
      }
    }
    return new NuisanceTerms(List.of("a", "b"), lin, quad);
  }

  /**
   * Asserts that the loss's gradient at θ matches central finite differences (step 10⁻⁵) to {@code
   * relative}·(1 + |numeric|).
   */
  static void assertGradientMatchesFiniteDifferences(
      NplmObjective loss, double[] theta, double relative) {
    double[] gradient = new double[theta.length];
    loss.valueAndGradient(theta, gradient);
    double h = 1e-5;
    for (int i = 0; i < theta.length; i++) {
      double[] up = theta.clone();
      double[] down = theta.clone();
      up[i] += h;
      down[i] -= h;
      double numeric =
          (loss.valueAndGradient(up, new double[theta.length])
                  - loss.valueAndGradient(down, new double[theta.length]))
              / (2 * h);
      assertThat(gradient[i])
          .as("∂L/∂θ_%d", i)
          .isCloseTo(numeric, within(relative * (1 + Math.abs(numeric))));
    }
  }
}
