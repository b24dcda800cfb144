package io.trigmon.stream.alert;

import static io.trigmon.stream.alert.Results.window;
import static org.assertj.core.api.Assertions.assertThat;

import io.trigmon.stream.StreamApp;
import io.trigmon.stream.StreamAppConfig;
import io.trigmon.stream.StreamTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AlertTopologyTest {

  private final List<Alert> alerts = new ArrayList<>();
  private TopologyTestDriver driver;
  private TestInputTopic<String, String> results;

  @BeforeEach
  void setUp() {
    AlertConfig config =
        StreamAppConfig.fromMap(
                Map.of(
                    "bootstrap.servers", "unused:1",
                    "alert.z.on", "3",
                    "alert.z.off", "2",
                    "alert.windows", "3",
                    "alert.drift.pull", "3",
                    "alert.stale.after.ms", "60000",
                    "alert.stale.check.ms", "10000"))
            .alerts();
    StreamsBuilder builder = new StreamsBuilder();
    new AlertTopology(config, alerts::add).buildTopology(builder);
    driver =
        new TopologyTestDriver(
            builder.build(), StreamApp.streamsConfig(StreamAppConfig.defaults("unused:1")));
    results =
        driver.createInputTopic(
            StreamTopics.MONITOR_RESULTS.name(),
            StreamTopics.MONITOR_RESULTS.keySerde().serializer(),
            StreamTopics.MONITOR_RESULTS.valueSerde().serializer());
  }

  @AfterEach
  void tearDown() {
    driver.close();
  }

  private void send(WindowResult r) {
    results.pipeInput(r.stream(), r.toJson());
  }

  @Test
  void anomalyRaisesAfterKWindowsAndClearsOnlyBelowZOff() {
    send(window("dimuon", 1, 3.5));
    send(window("dimuon", 2, 3.1));
    assertThat(alerts).isEmpty();
    send(window("dimuon", 3, 1.0)); // streak broken
    send(window("dimuon", 4, 3.2));
    send(window("dimuon", 5, 4.0));
    assertThat(alerts).isEmpty();
    send(window("dimuon", 6, 3.0));
    assertThat(alerts).hasSize(1);
    Alert raised = alerts.get(0);
    assertThat(raised.kind()).isEqualTo(AlertKind.ANOMALY);
    assertThat(raised.firing()).isTrue();
    assertThat(raised.key()).isEqualTo("dimuon/anomaly");
    assertThat(raised.annotations()).containsEntry("window_id", "dimuon:6");

    send(window("dimuon", 7, 5.0)); // still firing: nothing new
    send(window("dimuon", 8, 2.5)); // between z.off and z.on: hysteresis keeps it
    assertThat(alerts).hasSize(1);
    send(window("dimuon", 9, 1.9));
    assertThat(alerts).hasSize(2);
    assertThat(alerts.get(1).firing()).isFalse();
    assertThat(alerts.get(1).endsAt()).isPresent();
    assertThat(alerts.get(1).startsAt()).isEqualTo(raised.startsAt());
  }

  @Test
  void streamsAreIndependent() {
    for (int i = 1; i <= 3; i++) {
      send(window("dimuon", i, 4));
      send(window("jets", i, 0.5));
    }
    assertThat(alerts).extracting(Alert::key).containsExactly("dimuon/anomaly");
  }

  @Test
  void pulledNuisanceIsCalibrationDriftNotAnomaly() {
    for (int i = 1; i <= 3; i++) {
      send(window("dimuon", i, 0.5, Map.of("scale_barrel", 3.4, "norm", 0.1)));
    }
    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).kind()).isEqualTo(AlertKind.CALIBRATION_DRIFT);
    assertThat(alerts.get(0).annotations()).containsEntry("nuisance", "scale_barrel");
    send(window("dimuon", 4, 0.5, Map.of("scale_barrel", 2.0)));
    assertThat(alerts).hasSize(1); // above half the threshold: still drifting
    send(window("dimuon", 5, 0.5, Map.of("scale_barrel", 0.3)));
    assertThat(alerts).hasSize(2);
    assertThat(alerts.get(1).firing()).isFalse();
  }

  @Test
  void duplicateAndOlderWindowsChangeNothing() {
    for (int i = 1; i <= 3; i++) {
      send(window("dimuon", i, 4));
    }
    assertThat(alerts).hasSize(1);
    send(window("dimuon", 3, 0.1)); // the same window again (reprocessing)
    send(window("dimuon", 2, 0.1)); // an older window (a replay)
    assertThat(alerts).hasSize(1);
    KeyValueStore<String, String> store = driver.getKeyValueStore(AlertTopology.STORE);
    assertThat(StreamAlertState.fromJson(store.get("dimuon")).lastWindowId()).isEqualTo("dimuon:3");
  }

  @Test
  void silentStreamGoesStaleAndRecovers() {
    send(window("dimuon", 1, 0.5));
    driver.advanceWallClockTime(Duration.ofSeconds(30));
    assertThat(alerts).isEmpty();
    driver.advanceWallClockTime(Duration.ofSeconds(40));
    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).kind()).isEqualTo(AlertKind.STALE_STREAM);
    driver.advanceWallClockTime(Duration.ofSeconds(60));
    assertThat(alerts).hasSize(1); // raised once
    send(window("dimuon", 2, 0.5));
    assertThat(alerts).hasSize(2);
    assertThat(alerts.get(1).kind()).isEqualTo(AlertKind.STALE_STREAM);
    assertThat(alerts.get(1).firing()).isFalse();
  }

  @Test
  void poisonPillResultIsSkipped() {
    results.pipeInput("dimuon", "{not json");
    results.pipeInput("dimuon", (String) null);
    results.pipeInput("dimuon", "{\"z\": 9}");
    for (int i = 1; i <= 3; i++) {
      send(window("dimuon", i, 4));
    }
    assertThat(alerts).hasSize(1);
  }
}
