package io.trigmon.cli;

import io.trigmon.stream.ConfigException;
import io.trigmon.stream.KafkaSecurity;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * The Kafka connection options shared by the commands that talk to a broker: bootstrap servers and
 * an optional properties file with the TLS / SASL-SCRAM settings of {@link KafkaSecurity} (kept in
 * a file so that passwords stay out of shell history and process lists).
 */
final class KafkaClientOptions {

  @Option(
      names = "--bootstrap",
      paramLabel = "HOST:PORT",
      defaultValue = "127.0.0.1:9092",
      description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
  String bootstrap;

  @Option(
      names = "--kafka-config",
      paramLabel = "FILE",
      description =
          "Properties file with the client security settings: security.protocol, sasl.mechanism,"
              + " sasl.username, sasl.password, ssl.truststore.location, ssl.truststore.password,"
              + " ssl.truststore.type, ssl.endpoint.identification.algorithm.")
  Path kafkaConfig;

  /** The client properties: bootstrap servers plus security. */
  Map<String, Object> clientProperties() {
    Map<String, Object> p = new HashMap<>();
    p.put("bootstrap.servers", bootstrap);
    p.putAll(security().clientProperties());
    return p;
  }

  private KafkaSecurity security() {
    if (kafkaConfig == null) {
      return KafkaSecurity.plaintext();
    }
    if (!Files.isReadable(kafkaConfig)) {
      throw new UserException(
          "--kafka-config " + kafkaConfig + " does not exist or is not readable");
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(kafkaConfig)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UserException("--kafka-config " + kafkaConfig + ": " + e.getMessage());
    }
    Map<String, String> values = new HashMap<>();
    for (String key : properties.stringPropertyNames()) {
      if (!KafkaSecurity.KEYS.contains(key)) {
        throw new UserException(
            "--kafka-config "
                + kafkaConfig
                + ": unknown key '"
                + key
                + "' (known: "
                + KafkaSecurity.KEYS
                + ")");
      }
      values.put(key, properties.getProperty(key).trim());
    }
    try {
      return KafkaSecurity.fromMap(values);
    } catch (ConfigException e) {
      throw new UserException("--kafka-config " + kafkaConfig + ": " + e.getMessage());
    }
  }
}
