package io.trigmon.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MonitorSettingsTest {

  @Test
  void defaultWindowIsOneLumisection() {
    assertThat(MonitorSettings.defaults("m").window().toMillis()).isEqualTo(23_311);
  }

  @Test
  void withoutARateTheTestIsShapeOnly() {
    assertThat(MonitorSettings.defaults("m").nplmOptions().shapeOnlyMode()).isTrue();
  }

  @Test
  void expectedCountIsRateTimesWindowLength() {
    MonitorSettings s =
        MonitorSettings.defaults("m").withWindow(Duration.ofSeconds(10)).withExpectedRate(150.0);
    assertThat(s.nplmOptions().expected()).isEqualTo(1500.0);
    assertThat(s.nplmOptions().normSigma()).isEqualTo(0.025);
  }

  @Test
  void badValuesNameTheirKey() {
    assertThatThrownBy(() -> MonitorSettings.defaults("m").withWindow(Duration.ZERO))
        .hasMessageStartingWith("window:");
    assertThatThrownBy(() -> MonitorSettings.defaults("m").withExpectedRate(-1.0))
        .hasMessageStartingWith("expected-rate:");
    assertThatThrownBy(() -> MonitorSettings.defaults(" ")).hasMessageStartingWith("models:");
    assertThatThrownBy(() -> MonitorArguments.parse(new String[] {"--models", "m"}))
        .hasMessageStartingWith("--bootstrap");
  }

  @Test
  void argumentsParse() {
    MonitorArguments a =
        MonitorArguments.parse(
            new String[] {"--bootstrap", "h:1", "--models", "d", "--window", "PT10S"});
    assertThat(a.bootstrap()).isEqualTo("h:1");
    assertThat(a.settings().window()).isEqualTo(Duration.ofSeconds(10));
    assertThat(a.group()).isEqualTo(MonitorJob.NAME);
    assertThat(a.eventsTopic()).isEqualTo("events.valid");
    assertThat(a.resultsTopic()).isEqualTo("monitor.results");
  }

  @Test
  void clusterArgumentsParse() {
    MonitorArguments a =
        MonitorArguments.parse(
            new String[] {
              "--bootstrap",
              "h:1",
              "--models",
              "d",
              "--checkpoint-interval",
              "PT2S",
              "--group",
              "bench-p2",
              "--events-topic",
              "bench.events",
              "--results-topic",
              "bench.results"
            });
    assertThat(a.settings().checkpointInterval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(a.group()).isEqualTo("bench-p2");
    assertThat(a.eventsTopic()).isEqualTo("bench.events");
    assertThat(a.resultsTopic()).isEqualTo("bench.results");
  }
}
