package io.trigmon.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
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
  void aWindowCountFromLuminosityReplacesTheRateAndNoneMeansShapeOnly() {
    MonitorSettings s =
        MonitorSettings.defaults("m")
            .withWindow(Duration.ofSeconds(10))
            .withExpectedRate(150.0)
            .withAux(Map.of("scale", 0.5));
    assertThat(s.nplmOptions(1234.0).expected()).isEqualTo(1234.0);
    assertThat(s.nplmOptions(1234.0).aux()).containsEntry("scale", 0.5);
    assertThat(s.nplmOptions(null).shapeOnlyMode()).isTrue();
    assertThat(s.rateExpected()).isEqualTo(1500.0);
    assertThat(s.withExpectedRate(null).rateExpected()).isNull();
  }

  @Test
  void badValuesNameTheirKey() {
    assertThatThrownBy(() -> MonitorSettings.defaults("m").withAux(Map.of("scale", Double.NaN)))
        .hasMessageStartingWith("aux:");
    assertThatThrownBy(
            () ->
                MonitorArguments.parse(
                    new String[] {"--bootstrap", "h:1", "--models", "m", "--aux", "scale=x"}))
        .hasMessageStartingWith("--aux:");
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
    assertThat(a.luminosityTopic()).isNull();
    assertThat(a.group()).isEqualTo(MonitorJob.NAME);
    assertThat(a.eventsTopic()).isEqualTo("events.valid");
    assertThat(a.resultsTopic()).isEqualTo("monitor.results");
  }

  @Test
  void argumentsNameTheLuminosityTopicAndAuxiliaryValues() {
    MonitorArguments a =
        MonitorArguments.parse(
            new String[] {
              "--bootstrap",
              "h:1",
              "--models",
              "d",
              "--luminosity",
              "monitor.luminosity",
              "--aux",
              "scale=0.5,norm=-1"
            });
    assertThat(a.luminosityTopic()).isEqualTo("monitor.luminosity");
    assertThat(a.settings().aux()).isEqualTo(Map.of("scale", 0.5, "norm", -1.0));
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
