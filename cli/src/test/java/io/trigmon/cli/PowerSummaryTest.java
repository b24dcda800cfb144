package io.trigmon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.trigmon.simulation.Process;
import java.util.Map;
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

  @Test
  void signTestIsTwoSidedBinomial() {
    // 10 of 10 one way: 2 · 0.5¹⁰; 5 of 10: the whole distribution
    assertThat(SimulatorPowerStudy.signTestP(10, 10)).isCloseTo(2 / 1024.0, within(1e-12));
    assertThat(SimulatorPowerStudy.signTestP(0, 10)).isCloseTo(2 / 1024.0, within(1e-12));
    assertThat(SimulatorPowerStudy.signTestP(5, 10)).isEqualTo(1.0);
  }

  @Test
  void pairedRowComparesTheSameWindows() {
    // kernel tested 4 windows, neural the first 3: ΔZ = 1, −1, 0.5 (the 4th window is not used)
    Map<Process, double[]> kernel = Map.of(Process.ZPRIME, new double[] {3.0, 1.0, 2.5, 9.0});
    Map<Process, double[]> neural = Map.of(Process.ZPRIME, new double[] {2.0, 2.0, 2.0});
    String md = SimulatorPowerStudy.pairedText(kernel, neural, Map.of(Process.ZPRIME, 30));
    // kernel ≥ neural in 2 of 3 (windows 0 and 2); only the kernel ≥ 2 in none (both are in 0 and
    // 2), only the neural in window 1
    assertThat(md).contains("| Z′ (300 GeV) | 3 | 0.50 [-1.00, 1.00] | 2 of 3 | 1.000 | 0 / 1 |");
  }

  @Test
  void calibrationShiftAddsBothMethodsInQuadrature() {
    // 1/√100 = 0.10 and 1/√25 = 0.20 → √(0.01 + 0.04) = 0.22
    assertThat(SimulatorPowerStudy.calibrationShiftText(100, 25))
        .contains("kernel ±0.10 from 100 toys, neural ±0.20 from 25")
        .contains("within ±0.22 of 0");
  }

  @Test
  void costCellsAreDashesWhenEveryTestWasReused() {
    assertThat(SimulatorPowerStudy.costCells(0, 0, 0, 0, Integer.MAX_VALUE, 0, 10_000, 0))
        .isEqualTo("— | — | — | —");
    // 4 tests, 200 s CPU, 220 s wall, 20,000 iterations (3,000–7,000), 1 at the cap of 7,000
    assertThat(SimulatorPowerStudy.costCells(4, 200, 220, 20_000, 3_000, 7_000, 7_000, 1))
        .isEqualTo("50.00 | 55.00 | 5000 (3000–7000) | 1 of 4");
    assertThat(SimulatorPowerStudy.costCells(2, 1, 1, 8, 4, 4, Integer.MAX_VALUE, 0))
        .endsWith("| —");
  }
}
