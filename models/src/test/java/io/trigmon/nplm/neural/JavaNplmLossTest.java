package io.trigmon.nplm.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.trigmon.mlp.Activation;
import io.trigmon.mlp.DenseNetwork;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The plain-Java loss of the neural NPLM against the DJL one (same value and gradient to 1e-9 in
 * float64), its gradient against central finite differences, and its independence of the number of
 * threads, at a random point with every term present (the papers' 5-5-5-5-1 network, two shape
 * nuisances, a constrained normalisation, non-zero auxiliary values). The sample sizes are not
 * multiples of the block size, so blocks are ragged and one straddles the reference/data boundary.
 */
class JavaNplmLossTest {

  private static final int[] SIZES = {5, 5, 5, 5, 1};
  private static final int N_R = 700;
  private static final int N_D = 130;

  private static final SplittableRandom RANDOM = new SplittableRandom(21);
  private static final double[][] R = LossFixtures.rows(N_R, 5, RANDOM);
  private static final double[][] D = LossFixtures.rows(N_D, 5, RANDOM);
  private static final NeuralNplmProblem PROBLEM =
      new NeuralNplmProblem(
          R,
          (double) N_D / N_R,
          D,
          LossFixtures.terms(N_R, RANDOM),
          LossFixtures.terms(N_D, RANDOM),
          0.025,
          true,
          new double[] {0.4, -0.7, 0.3});

  private static double[] point(NplmObjective loss) {
    double[] theta = loss.start(DenseNetwork.initialised(SIZES, Activation.SIGMOID, 5));
    SplittableRandom random = new SplittableRandom(6);
    for (int i = 0; i < theta.length; i++) {
      theta[i] += 0.5 * random.nextGaussian();
    }
    return theta;
  }

  private static void assertSameLoss(boolean withNetwork, int threads) {
    try (JavaNplmLoss java = new JavaNplmLoss(R, D, PROBLEM, SIZES, withNetwork, threads);
        NeuralNplmLoss djl = new NeuralNplmLoss(R, D, PROBLEM, SIZES, withNetwork)) {
      assertThat(java.dimension()).isEqualTo(djl.dimension());
      double[] theta = point(java);
      double[] gJava = new double[theta.length];
      double[] gDjl = new double[theta.length];
      double vJava = java.valueAndGradient(theta, gJava);
      double vDjl = djl.valueAndGradient(theta, gDjl);
      assertThat(vJava).isCloseTo(vDjl, within(1e-9 * (1 + Math.abs(vDjl))));
      for (int i = 0; i < theta.length; i++) {
        assertThat(gJava[i])
            .as("∂L/∂θ_%d", i)
            .isCloseTo(gDjl[i], within(1e-9 * (1 + Math.abs(gDjl[i]))));
      }
    }
  }

  @Test
  void matchesDjlWithTheNetwork() {
    assertSameLoss(true, 1);
  }

  @Test
  void matchesDjlInTheNuisanceOnlyFit() {
    assertSameLoss(false, 1);
  }

  @Test
  void matchesDjlOnTwoThreads() {
    assertSameLoss(true, 2);
  }

  @Test
  void gradientMatchesFiniteDifferences() {
    try (JavaNplmLoss loss = new JavaNplmLoss(R, D, PROBLEM, SIZES, true, 1)) {
      // central difference error ~ h² L''' plus rounding ~ 1e-16 |L| / h
      LossFixtures.assertGradientMatchesFiniteDifferences(loss, point(loss), 1e-6);
    }
  }

  @Test
  void threadsDoNotChangeTheResultBeyondRounding() {
    try (JavaNplmLoss one = new JavaNplmLoss(R, D, PROBLEM, SIZES, true, 1);
        JavaNplmLoss two = new JavaNplmLoss(R, D, PROBLEM, SIZES, true, 2)) {
      double[] theta = point(one);
      double[] g1 = new double[theta.length];
      double[] g2 = new double[theta.length];
      assertThat(two.valueAndGradient(theta, g2))
          .isCloseTo(one.valueAndGradient(theta, g1), within(1e-10));
      for (int i = 0; i < theta.length; i++) {
        assertThat(g2[i]).isCloseTo(g1[i], within(1e-10 * (1 + Math.abs(g1[i]))));
      }
    }
  }
}
