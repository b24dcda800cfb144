package io.trigmon.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Inverse-CDF sampling reproduces the tabulated density. */
class TabulatedDistributionTest {

  @Test
  void samplesFollowTheDensity() {
    // A Breit–Wigner on a falling continuum: both grid parts matter.
    TabulatedDistribution d =
        TabulatedDistribution.of(
            m -> 1 / ((m - 91) * (m - 91) + 1.6) + 20 / (m * m), 60, 200, 2000, 2.5, 91);
    SplitMix64Random rng = new SplitMix64Random(1);
    int n = 50_000;
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = d.sample(rng);
    }
    Arrays.sort(x);

    // Kolmogorov–Smirnov distance to the tabulated CDF; 1.95/√n is the 0.1 % critical value.
    double distance = 0;
    for (int i = 0; i < n; i++) {
      double cdf = d.cumulative(x[i]) / d.integral();
      distance =
          Math.max(
              distance, Math.max(Math.abs(cdf - (double) i / n), Math.abs(cdf - (i + 1.0) / n)));
    }
    assertThat(distance).isLessThan(1.95 / Math.sqrt(n));
    assertThat(x[0]).isGreaterThanOrEqualTo(60);
    assertThat(x[n - 1]).isLessThanOrEqualTo(200);
  }
}
