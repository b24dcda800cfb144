package io.trigmon.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ZScoreTest {

  @Test
  void halfIsZero() {
    assertThat(ZScore.fromP(0.5)).isCloseTo(0, within(1e-12));
  }

  @Test
  void knownOneSidedTailValues() {
    assertThat(ZScore.fromP(0.022750131948179)).isCloseTo(2, within(1e-9));
    assertThat(ZScore.fromP(1.3498980316301e-3)).isCloseTo(3, within(1e-9));
    assertThat(ZScore.fromP(2.8665157187919e-7)).isCloseTo(5, within(1e-8));
    assertThat(ZScore.fromP(0.841344746068543)).isCloseTo(-1, within(1e-9));
  }

  @Test
  void farTailsStayAccurateBeyondTheSmallestDouble() {
    // Q(37.5) = 4.60535300958196e-308 (Φ upper tail); and log Q(50) = −1254.831…
    assertThat(ZScore.fromP(4.60535300958196e-308)).isCloseTo(37.5, within(1e-8));
    assertThat(ZScore.fromLogP(-1254.8313611394199)).isCloseTo(50, within(1e-8));
  }

  @Test
  void knownChiSquareTails() {
    assertThat(Math.exp(ZScore.logChiSquareTail(3.841458820694124, 1)))
        .isCloseTo(0.05, within(1e-12));
    assertThat(Math.exp(ZScore.logChiSquareTail(18.307038053275146, 10)))
        .isCloseTo(0.05, within(1e-12));
  }

  @Test
  void chiSquareTailIsContinuousWhereItSwitchesToTheAsymptoticSeries() {
    double below = ZScore.logChiSquareTail(1360, 10); // regularized Γ still above 1e-300
    double above = ZScore.logChiSquareTail(1400, 10); // asymptotic series
    // log Q decreases by about Δx − (a−1)Δ log x over the step (x = t/2, a = 5).
    double expectedStep = -(20) + 4 * Math.log(700.0 / 680.0);
    assertThat(above - below).isCloseTo(expectedStep, within(1e-3));
  }
}
