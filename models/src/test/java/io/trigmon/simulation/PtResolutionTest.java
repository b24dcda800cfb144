package io.trigmon.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The resolution bound used for early rejection really bounds the resolution. */
class PtResolutionTest {

  @ParameterizedTest
  @EnumSource(Regime.class)
  void upperBoundIsNeverExceeded(Regime regime) {
    PtResolution resolution = regime.resolution();
    double ptLow = 10;
    double ptHigh = 400;
    double bound = resolution.upperBound(ptLow, ptHigh, 2.4);
    for (double pt = ptLow; pt <= ptHigh; pt *= 1.01) {
      for (double eta = 0; eta < 2.4; eta += 0.001) {
        assertThat(resolution.relative(pt, eta)).isLessThanOrEqualTo(bound);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Regime.class)
  void resolutionGrowsWithPtInAbsoluteTermsAndWithEta(Regime regime) {
    PtResolution resolution = regime.resolution();

    assertThat(resolution.relative(200, 0) * 200).isGreaterThan(resolution.relative(50, 0) * 50);
    assertThat(resolution.relative(50, 2.0)).isGreaterThan(resolution.relative(50, 0.2));
  }
}
