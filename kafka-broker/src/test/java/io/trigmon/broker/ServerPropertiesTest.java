package io.trigmon.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerPropertiesTest {

  private static final BrokerPorts PORTS = new BrokerPorts(19092, 19093, Map.of("SASL_SSL", 19094));

  private static final BrokerSettings SETTINGS =
      BrokerSettings.defaults()
          .withPartitions(3)
          .withListener(new Listener("SASL_SSL", "SASL_SSL", 0))
          .withServerProperty("num.io.threads", "2");

  @Test
  void recordsAreKeptForeverAndInternalTopicsHaveOneReplica() {
    Map<String, String> p = ServerProperties.of(SETTINGS, PORTS, Path.of("/data"));
    assertThat(p)
        .containsEntry("log.retention.ms", "-1")
        .containsEntry("offsets.topic.replication.factor", "1")
        .containsEntry("transaction.state.log.replication.factor", "1")
        .containsEntry("transaction.state.log.min.isr", "1")
        .containsEntry("num.partitions", "3")
        .containsEntry("log.dirs", "/data");
  }

  @Test
  void listenersAreOnLoopbackWithTheirProtocols() {
    Map<String, String> p = ServerProperties.of(SETTINGS, PORTS, Path.of("/data"));
    assertThat(p.get("listeners"))
        .isEqualTo(
            "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093,SASL_SSL://127.0.0.1:19094");
    assertThat(p.get("advertised.listeners"))
        .isEqualTo("PLAINTEXT://127.0.0.1:19092,SASL_SSL://127.0.0.1:19094");
    assertThat(p.get("listener.security.protocol.map"))
        .isEqualTo("PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL_SSL:SASL_SSL");
    assertThat(p.get("controller.quorum.voters")).isEqualTo("1@127.0.0.1:19093");
  }

  @Test
  void extraPropertiesOverrideDefaults() {
    assertThat(ServerProperties.of(SETTINGS, PORTS, Path.of("/data")))
        .containsEntry("num.io.threads", "2");
  }

  @Test
  void writtenFileReadsBackTheSameValues(@TempDir Path dir) throws IOException {
    Map<String, String> p =
        ServerProperties.of(
            SETTINGS.withServerProperty(
                "listener.name.sasl_ssl.scram-sha-256.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required a=\"b c\";"),
            PORTS,
            dir.resolve("data dir"));
    Path file = dir.resolve("server.properties");
    ServerProperties.write(p, file);
    Properties read = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
      read.load(in);
    }
    assertThat(read).containsExactlyInAnyOrderEntriesOf(p);
  }
}
