package io.trigmon.nplm.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.trigmon.mlp.Activation;
import io.trigmon.mlp.DenseNetwork;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The DJL loss of the neural NPLM against the plain-Java double-precision loss, and its autograd
 * gradient against central finite differences, at a random point with every term present (network,
 * two shape nuisances, a constrained normalisation, non-zero auxiliary values).
 */
class NeuralNplmLossTest {

  private static final int[] SIZES = {3, 4, 4, 1};

  private static final SplittableRandom RANDOM = new SplittableRandom(11);
  private static final double[][] R = LossFixtures.rows(300, 3, RANDOM);
  private static final double[][] D = LossFixtures.rows(80, 3, RANDOM);
  private static final NeuralNplmProblem PROBLEM =
      new NeuralNplmProblem(
          R,
          0.25,
          D,
          LossFixtures.terms(300, RANDOM),
          LossFixtures.terms(80, RANDOM),
          0.025,
          true,
          new double[] {0.4, -0.7, 0.3});

  private static double[] point(NeuralNplmLoss loss) {
    double[] theta = loss.start(DenseNetwork.initialised(SIZES, Activation.SIGMOID, 5));
    SplittableRandom random = new SplittableRandom(6);
    for (int i = 0; i < theta.length; i++) {
      theta[i] += 0.3 * random.nextGaussian();
    }
    return theta;
  }

  @Test
  void djlLossMatchesThePlainJavaLoss() {
    try (NeuralNplmLoss loss = new NeuralNplmLoss(R, D, PROBLEM, SIZES, true)) {
      double[] theta = point(loss);
      double djl = loss.valueAndGradient(theta, new double[theta.length]);
      double java = NeuralNplm.loss(loss.network(theta), loss.nuisances(theta), R, D, PROBLEM);
      // the plain-Java network holds float weights: agreement to float rounding of f
      assertThat(djl).isCloseTo(java, within(1e-4 * (R.length + D.length)));
    }
  }

  @Test
  void autogradMatchesFiniteDifferences() {
    try (NeuralNplmLoss loss = new NeuralNplmLoss(R, D, PROBLEM, SIZES, true)) {
      // central difference error ~ h² L''' plus rounding ~ 1e-16 |L| / h
      LossFixtures.assertGradientMatchesFiniteDifferences(loss, point(loss), 1e-5);
    }
  }

  @Test
  void nuisanceOnlyLossHasOnlyNu() {
    try (NeuralNplmLoss loss = new NeuralNplmLoss(R, D, PROBLEM, SIZES, false)) {
      assertThat(loss.dimension()).isEqualTo(3);
      double[] nu = {0.2, -0.1, 0.5};
      double djl = loss.valueAndGradient(nu, new double[3]);
      DenseNetwork zero = loss.network(nu);
      assertThat(djl).isCloseTo(NeuralNplm.loss(zero, nu, R, D, PROBLEM), within(1e-9));
    }
  }
}
