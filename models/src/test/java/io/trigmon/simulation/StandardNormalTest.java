package io.trigmon.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/** The fast normal tail and quantile agree with Commons Math's exact ones. */
class StandardNormalTest {

  private final NormalDistribution exact = new NormalDistribution(null, 0, 1);

  @Test
  void upperTailMatchesCommonsMath() {
    for (double t = -3; t <= 8; t += 0.25) {
      double expected = 1 - exact.cumulativeProbability(t);
      if (t > 3) {
        expected = exact.cumulativeProbability(-t);
      }
      assertThat(StandardNormal.upperTail(t)).isCloseTo(expected, within(2e-7 * expected));
    }
  }

  @Test
  void quantileMatchesCommonsMath() {
    for (double p :
        new double[] {1e-15, 1e-9, 1e-4, 0.01, 0.02425, 0.1, 0.5, 0.77, 0.99, 1 - 1e-6}) {
      double expected = exact.inverseCumulativeProbability(p);
      // Acklam: ~1e-9 relative down to p = 1e-9, ~1e-5 in the extreme tail (ample for sampling).
      double tolerance = (p >= 1e-9 && p <= 1 - 1e-9 ? 1e-8 : 2e-5) * (1 + Math.abs(expected));
      assertThat(StandardNormal.quantile(p)).isCloseTo(expected, within(tolerance));
    }
  }
}
