package io.trigmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trigmon.stream.alert.AlertConfig;
import io.trigmon.stream.alert.WindowResult;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The printed window line: its alert state by the stream app's default thresholds. */
class WindowLineTest {

  private static final DemoScenario SCENARIO = new DemoScenario(Duration.ofSeconds(5), 200, 12);
  private static final AlertConfig ALERTS = AlertConfig.defaults();

  private static WindowResult result(double z, Map<String, Double> nuHat) {
    return new WindowResult(
        "DoubleMuon", "w", 0, 5000, 1000, 90, 90, 0, nuHat, Map.of(), Map.of(), 0.01, z);
  }

  @Test
  void zAtTheThresholdIsAnAlarm() {
    WindowLine line = WindowLine.of(result(ALERTS.zOn(), Map.of()), 4, SCENARIO, ALERTS);
    assertThat(line.alarm()).isTrue();
    assertThat(line.text()).contains("ALARM").contains("Z' excess (60 events)");
    assertThat(WindowLine.of(result(2.99, Map.of()), 0, SCENARIO, ALERTS).text()).contains(" ok ");
  }

  @Test
  void driftIsAShapeNuisancePullNotTheFreeNormalisation() {
    assertThat(WindowLine.of(result(0, Map.of("norm", -3.8)), 9, SCENARIO, ALERTS).text())
        .doesNotContain("DRIFT")
        .contains("norm=-3.80")
        .contains("lepton scale +1 sigma");
    assertThat(WindowLine.of(result(0, Map.of("scale", 3.2)), 9, SCENARIO, ALERTS).text())
        .contains("DRIFT");
  }
}
