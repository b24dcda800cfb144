package io.trigmon.stream.live;

import static io.trigmon.stream.alert.Results.window;
import static org.assertj.core.api.Assertions.assertThat;

import io.trigmon.stream.alert.AlertConfig;
import io.trigmon.stream.alert.WindowResult;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The alarm state follows the alert hooks' rule: k windows ≥ z.on raise, one &lt; z.off clears. */
class StreamStatusTest {

  private static final AlertConfig ALERTS = AlertConfig.defaults(); // 3.0 / 2.0, k = 3

  private static StreamStatus status(double... z) {
    List<WindowResult> windows =
        IntStream.range(0, z.length).mapToObj(i -> window("dimuon", i, z[i])).toList();
    return StreamStatus.of("dimuon", windows, ALERTS);
  }

  @Test
  void noWindowsIsNoData() {
    assertThat(StreamStatus.of("dimuon", List.of(), ALERTS).state())
        .isEqualTo(StreamStatus.State.NO_DATA);
  }

  @Test
  void raisesAfterKWindowsAtOrAboveZOn() {
    assertThat(status(0.5, 3.5, 4.0).state()).isEqualTo(StreamStatus.State.ABOVE_THRESHOLD);
    assertThat(status(0.5, 3.5, 4.0, 3.0).state()).isEqualTo(StreamStatus.State.ALARM);
    assertThat(status(3.5, 1.0, 3.5, 3.5).state()).isEqualTo(StreamStatus.State.ABOVE_THRESHOLD);
  }

  @Test
  void staysRaisedBetweenTheThresholdsAndClearsBelowZOff() {
    assertThat(status(4, 4, 4, 2.5).state()).isEqualTo(StreamStatus.State.ALARM);
    assertThat(status(4, 4, 4, 2.5, 1.9).state()).isEqualTo(StreamStatus.State.OK);
  }

  @Test
  void anUncalibratedNewestWindowSaysSo() {
    StreamStatus status = status(1.0, Double.NaN);
    assertThat(status.state()).isEqualTo(StreamStatus.State.NO_CALIBRATION);
    assertThat(status.latest().windowId()).isEqualTo("dimuon:1");
  }

  @Test
  void flagsCalibrationDriftFromTheNewestWindowsLargestPull() {
    StreamStatus drifting =
        StreamStatus.of(
            "dimuon", List.of(window("dimuon", 1, 0.0, Map.of("scale", -3.2, "jes", 0.5))), ALERTS);
    assertThat(drifting.drifting()).isTrue();
    assertThat(drifting.driftPull()).isEqualTo(3.2);
    assertThat(status(0.0).drifting()).isFalse();
  }
}
