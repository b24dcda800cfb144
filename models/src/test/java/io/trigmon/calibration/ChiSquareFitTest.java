package io.trigmon.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class ChiSquareFitTest {

  @Test
  void recoversTheDegreesOfFreedomOfAChiSquareSample() {
    double[] t = new ChiSquaredDistribution(new Well19937c(1), 40).sample(400);
    ChiSquareFit fit = ChiSquareFit.of(t);
    // The dof estimate scatters by about sqrt(2·40/400)·… ≈ 1 here; allow 3.
    assertThat(fit.dof()).isCloseTo(40, within(3.0));
    assertThat(fit.ksPValue()).isGreaterThan(0.05);
  }

  @Test
  void aShiftedSampleFitsBadly() {
    double[] t = new ChiSquaredDistribution(new Well19937c(2), 5).sample(400);
    for (int i = 0; i < t.length; i++) {
      t[i] += 20;
    }
    assertThat(ChiSquareFit.of(t).ksPValue()).isLessThan(1e-3);
  }
}
