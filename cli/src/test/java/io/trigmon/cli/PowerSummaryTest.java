package io.trigmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The power table's fractions and medians with their uncertainties (report section 3). */
class PowerSummaryTest {

  @Test
  void fractionCarriesItsBinomialStandardError() {
    double[] z = {0.5, 1.0, 2.5, 3.5}; // 2 of 4 at Z ≥ 2: 0.5 ± √(0.25/4)
    assertThat(SimulatorPowerStudy.fractionText(z, 2)).isEqualTo("0.50 ± 0.25");
  }

  @Test
  void emptyFractionGivesTheRuleOfThreeBound() {
    double[] z = new double[20];
    assertThat(SimulatorPowerStudy.fractionText(z, 2)).isEqualTo("0 (< 0.15)");
  }

  @Test
  void medianIntervalIsTheOrderStatisticsAroundTheMiddle() {
    double[] z = new double[16];
    for (int i = 0; i < z.length; i++) {
      z[i] = i;
    }
    // median 7.5; n/2 ± √n/2 = 8 ± 2: the 6th and 10th smallest (0-based indices 6 and 9)
    assertThat(SimulatorPowerStudy.medianText(z)).isEqualTo("7.50 [6.00, 9.00]");
  }
}
