package io.trigmon.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerSettingsTest {

  @Test
  void defaultsAreAFreePortATemporaryDirAndTheDesignTopics() {
    BrokerSettings settings = BrokerSettings.defaults();
    assertThat(settings.port()).isZero();
    assertThat(settings.workDir()).isEmpty();
    assertThat(settings.partitions()).isEqualTo(2);
    assertThat(settings.topics())
        .containsExactly(
            "events.raw", "events.valid", "events.dlq", "monitor.results", "monitor.luminosity");
  }

  @Test
  void badValuesNameTheirKey() {
    BrokerSettings defaults = BrokerSettings.defaults();
    assertThatThrownBy(() -> defaults.withPort(70_000)).hasMessageContaining("port");
    assertThatThrownBy(() -> defaults.withPort(-1)).hasMessageContaining("port");
    assertThatThrownBy(() -> defaults.withPartitions(0)).hasMessageContaining("partitions");
    assertThatThrownBy(() -> defaults.withTopics(List.of("bad topic")))
        .hasMessageContaining("topic name");
    assertThatThrownBy(() -> defaults.withTopics(List.of(".."))).hasMessageContaining("topic name");
    assertThatThrownBy(() -> defaults.withStartTimeout(Duration.ZERO))
        .hasMessageContaining("startTimeout");
  }

  @Test
  void listenersMustNotClashWithTheBrokersOwn() {
    assertThatThrownBy(() -> new Listener("PLAINTEXT", "SASL_SSL", 0))
        .hasMessageContaining("reserved");
    assertThatThrownBy(() -> new Listener("CONTROLLER", "SSL", 0)).hasMessageContaining("reserved");
    assertThatThrownBy(() -> new Listener("external", "SSL", 0)).hasMessageContaining("upper-case");
    assertThatThrownBy(() -> new Listener("EXTERNAL", "TLS", 0))
        .hasMessageContaining("securityProtocol");
    Listener external = new Listener("EXTERNAL", "SSL", 0);
    assertThatThrownBy(
            () -> BrokerSettings.defaults().withListener(external).withListener(external))
        .hasMessageContaining("twice");
  }

  @Test
  void laterServerPropertiesWin() {
    BrokerSettings settings =
        BrokerSettings.defaults()
            .withServerProperties(Map.of("a", "1", "b", "2"))
            .withServerProperty("a", "3");
    assertThat(settings.serverProperties()).containsEntry("a", "3").containsEntry("b", "2");
  }

  @Test
  void withMethodsChangeOnlyTheirValue() {
    BrokerSettings settings = BrokerSettings.defaults().withWorkDir(Path.of("/tmp/x")).withPort(9);
    assertThat(settings.workDir()).contains(Path.of("/tmp/x"));
    assertThat(settings.port()).isEqualTo(9);
    assertThat(settings.partitions()).isEqualTo(BrokerSettings.DEFAULT_PARTITIONS);
  }
}
