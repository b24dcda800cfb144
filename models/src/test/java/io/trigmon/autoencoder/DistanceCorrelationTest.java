package io.trigmon.autoencoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DistanceCorrelationTest {

  private static final int N = 64;

  @Test
  void trainingPenaltyMatchesTheDirectComputation() {
    Random random = new Random(1);
    float[] s = new float[N];
    float[] nu = new float[2 * N];
    for (int i = 0; i < N; i++) {
      nu[2 * i] = (float) random.nextGaussian();
      nu[2 * i + 1] = (float) random.nextGaussian();
      s[i] = (float) (nu[2 * i] * nu[2 * i] + 0.5 * random.nextGaussian());
    }
    double direct = DistanceCorrelation.squared(s, nu, N, 2);
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      float penalty =
          DjlLoss.distanceCorrelationSquared(
                  manager.create(s, new Shape(N)), manager.create(nu, new Shape(N, 2)))
              .getFloat();
      assertThat((double) penalty).isCloseTo(direct, within(1e-5));
    }
    assertThat(direct).isBetween(0.05, 1.0);
  }

  @Test
  void isOneForALinearRelation() {
    float[] x = new float[N];
    float[] y = new float[N];
    for (int i = 0; i < N; i++) {
      x[i] = i;
      y[i] = 3 * i - 2;
    }
    assertThat(DistanceCorrelation.squared(x, y, N, 1)).isCloseTo(1, within(1e-9));
  }

  @Test
  void isSmallForIndependentSamples() {
    Random random = new Random(2);
    int n = 1000;
    float[] x = new float[n];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) random.nextGaussian();
      y[i] = (float) random.nextGaussian();
    }
    // Under independence the V-statistic dCor² is O(1/n) (positive bias, no sign); 10/n is
    // generous.
    assertThat(DistanceCorrelation.squared(x, y, n, 1)).isLessThan(10.0 / n);
  }
}
