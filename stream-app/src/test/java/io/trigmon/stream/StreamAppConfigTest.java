package io.trigmon.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamAppConfigTest {

  @Test
  void defaults() {
    StreamAppConfig config = StreamAppConfig.defaults("127.0.0.1:9092");
    assertThat(config.processingGuarantee()).isEqualTo("exactly_once_v2");
    assertThat(config.metricsHost()).isEqualTo("127.0.0.1");
    assertThat(config.metricsPort()).isEqualTo(StreamAppConfig.DEFAULT_METRICS_PORT);
    assertThat(config.security().protocol()).isEqualTo("PLAINTEXT");
    Properties p = StreamApp.streamsConfig(config);
    assertThat(p.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo("exactly_once_v2");
    assertThat(p.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)).isEqualTo("127.0.0.1:9092");
  }

  @Test
  void atLeastOnceAndKafkaOverridesArePassedOn() {
    StreamAppConfig config =
        StreamAppConfig.fromMap(
            Map.of(
                "bootstrap.servers", "b:1",
                "processing.guarantee", "at_least_once",
                "kafka.commit.interval.ms", "250"));
    Properties p = StreamApp.streamsConfig(config);
    assertThat(p.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo("at_least_once");
    assertThat(p.get("commit.interval.ms")).isEqualTo("250");
  }

  @Test
  void badValuesNameTheirKey() {
    assertThatThrownBy(() -> StreamAppConfig.fromMap(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'bootstrap.servers'");
    assertThatThrownBy(
            () ->
                StreamAppConfig.fromMap(
                    Map.of("bootstrap.servers", "b:1", "processing.guarantee", "exactly_once")))
        .hasMessageContaining("'processing.guarantee'");
    assertThatThrownBy(
            () -> StreamAppConfig.fromMap(Map.of("bootstrap.servers", "b:1", "metrics.port", "x")))
        .hasMessageContaining("'metrics.port'");
    assertThatThrownBy(
            () ->
                StreamAppConfig.fromMap(
                    Map.of("bootstrap.servers", "b:1", "metrics.port", "70000")))
        .hasMessageContaining("'metrics.port'");
    assertThatThrownBy(
            () -> StreamAppConfig.fromMap(Map.of("bootstrap.servers", "b:1", "proccessing", "x")))
        .hasMessageContaining("'proccessing'")
        .hasMessageContaining("unknown key");
    assertThatThrownBy(
            () ->
                StreamAppConfig.fromMap(
                    Map.of("bootstrap.servers", "b:1", "alert.z.on", "2", "alert.z.off", "3")))
        .hasMessageContaining("'alert.z.off'");
    assertThatThrownBy(
            () ->
                StreamAppConfig.fromMap(
                    Map.of("bootstrap.servers", "b:1", "alert.webhook.urls", "ftp://x/")))
        .hasMessageContaining("'alert.webhook.urls'");
  }

  @Test
  void scramSettingsBecomeJaasConfigAndPasswordsNeverPrint() {
    StreamAppConfig config =
        StreamAppConfig.fromMap(
            Map.of(
                "bootstrap.servers", "b:1",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-256",
                "sasl.username", "monitor",
                "sasl.password", "s3cr\"et",
                "ssl.endpoint.identification.algorithm", "",
                "alert.webhook.secret", "hmac-key-123"));
    Map<String, Object> client = config.security().clientProperties();
    assertThat(client.get("sasl.jaas.config"))
        .isEqualTo(
            "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"monitor\" password=\"s3cr\\\"et\";");
    assertThat(client.get("security.protocol")).isEqualTo("SASL_SSL");
    assertThat(config.toString())
        .doesNotContain("s3cr")
        .doesNotContain("hmac-key-123")
        .contains(Secret.MASK);
  }

  @Test
  void saslNeedsUserAndPassword() {
    assertThatThrownBy(
            () ->
                StreamAppConfig.fromMap(
                    Map.of("bootstrap.servers", "b:1", "security.protocol", "SASL_PLAINTEXT")))
        .hasMessageContaining("'sasl.username'");
    assertThatThrownBy(
            () ->
                StreamAppConfig.fromMap(
                    Map.of(
                        "bootstrap.servers", "b:1",
                        "security.protocol", "SASL_PLAINTEXT",
                        "sasl.username", "u")))
        .hasMessageContaining("'sasl.password'");
  }

  @Test
  void livePageDefaultsToTheDocumentedLoopbackPortAndCanBeTurnedOff() {
    StreamAppConfig config = StreamAppConfig.defaults("127.0.0.1:9092");
    assertThat(config.live().host()).isEqualTo("127.0.0.1");
    assertThat(config.live().port()).isEqualTo(io.trigmon.metrics.MetricsEndpoints.LIVE_PAGE_PORT);
    assertThat(config.live().history()).isEqualTo(500);
    assertThat(config.live().enabled()).isTrue();
    StreamAppConfig off =
        StreamAppConfig.fromMap(Map.of("bootstrap.servers", "b:1", "live.port", "-1"));
    assertThat(off.live().enabled()).isFalse();
  }

  @Test
  void badLivePageValuesNameTheirKey() {
    assertThatThrownBy(
            () -> StreamAppConfig.fromMap(Map.of("bootstrap.servers", "b:1", "live.port", "-2")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'live.port'");
    assertThatThrownBy(
            () -> StreamAppConfig.fromMap(Map.of("bootstrap.servers", "b:1", "live.history", "0")))
        .hasMessageContaining("'live.history'");
    assertThatThrownBy(
            () -> StreamAppConfig.fromMap(Map.of("bootstrap.servers", "b:1", "live.prot", "1")))
        .hasMessageContaining("'live.prot'")
        .hasMessageContaining("unknown");
  }
}
