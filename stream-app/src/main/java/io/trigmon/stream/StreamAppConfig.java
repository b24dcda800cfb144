package io.trigmon.stream;

import io.trigmon.metrics.MetricsEndpoints;
import io.trigmon.stream.live.LiveConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The typed configuration of the stream app, read from a properties file or map and checked at
 * start-up: a bad or unknown key fails with a {@link ConfigException} naming it.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>Key</th><th>Default</th><th>Meaning</th></tr>
 *   <tr><td>{@value #BOOTSTRAP_SERVERS}</td><td>(required)</td><td>Kafka bootstrap servers</td></tr>
 *   <tr><td>{@value #APPLICATION_ID}</td><td>{@value #DEFAULT_APPLICATION_ID}</td><td>Kafka
 *       Streams application id (consumer group, internal topic prefix)</td></tr>
 *   <tr><td>{@value #PROCESSING_GUARANTEE}</td><td>{@code exactly_once_v2}</td><td>{@code
 *       exactly_once_v2} or {@code at_least_once}</td></tr>
 *   <tr><td>{@value #NUM_STREAM_THREADS}</td><td>1</td><td>stream threads</td></tr>
 *   <tr><td>{@value #STATE_DIR}</td><td>{@code <tmp>/trigmon-streams}</td><td>where state stores
 *       live (alert dedup survives restarts only if this is kept)</td></tr>
 *   <tr><td>{@value #METRICS_HOST}</td><td>{@code 127.0.0.1}</td><td>address of the HTTP
 *       {@code /metrics} endpoint; loopback unless set</td></tr>
 *   <tr><td>{@value #METRICS_PORT}</td><td>{@value io.trigmon.metrics.MetricsEndpoints#STREAM_APP_PORT}</td><td>its port; 0 for a free one, -1 for
 *       none</td></tr>
 *   <tr><td>{@code security.*}, {@code sasl.*}, {@code ssl.*}</td><td>plaintext</td><td>see
 *       {@link KafkaSecurity}</td></tr>
 *   <tr><td>{@code alert.*}</td><td></td><td>see {@link io.trigmon.stream.alert.AlertConfig}</td></tr>
 *   <tr><td>{@code live.*}</td><td></td><td>the live page, see {@link
 *       io.trigmon.stream.live.LiveConfig}</td></tr>
 *   <tr><td>{@code kafka.<name>}</td><td></td><td>any other Kafka Streams or client property,
 *       passed on as {@code <name>}</td></tr>
 * </table>
 *
 * @param bootstrapServers Kafka bootstrap servers
 * @param applicationId Kafka Streams application id
 * @param processingGuarantee exactly_once_v2 or at_least_once
 * @param numStreamThreads number of stream threads
 * @param stateDir state directory
 * @param metricsHost address of /metrics
 * @param metricsPort port of /metrics, 0 free, -1 disabled
 * @param security client security
 * @param alerts alert hook settings
 * @param live live page settings
 * @param kafkaOverrides extra Kafka properties
 */
public record StreamAppConfig(
    String bootstrapServers,
    String applicationId,
    String processingGuarantee,
    int numStreamThreads,
    Path stateDir,
    String metricsHost,
    int metricsPort,
    KafkaSecurity security,
    io.trigmon.stream.alert.AlertConfig alerts,
    LiveConfig live,
    Map<String, String> kafkaOverrides) {

  public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  public static final String APPLICATION_ID = "application.id";
  public static final String PROCESSING_GUARANTEE = "processing.guarantee";
  public static final String NUM_STREAM_THREADS = "num.stream.threads";
  public static final String STATE_DIR = "state.dir";
  public static final String METRICS_HOST = "metrics.host";
  public static final String METRICS_PORT = "metrics.port";
  public static final String KAFKA_PREFIX = "kafka.";

  public static final String DEFAULT_APPLICATION_ID = "trigmon-stream-app";
  public static final String EXACTLY_ONCE_V2 = "exactly_once_v2";
  public static final String AT_LEAST_ONCE = "at_least_once";
  public static final int DEFAULT_METRICS_PORT = MetricsEndpoints.STREAM_APP_PORT;

  private static final Set<String> OWN_KEYS =
      Set.of(
          BOOTSTRAP_SERVERS,
          APPLICATION_ID,
          PROCESSING_GUARANTEE,
          NUM_STREAM_THREADS,
          STATE_DIR,
          METRICS_HOST,
          METRICS_PORT);

  public StreamAppConfig {
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new ConfigException(BOOTSTRAP_SERVERS, "required, e.g. 127.0.0.1:9092");
    }
    if (applicationId == null || !applicationId.matches("[a-zA-Z0-9._-]{1,200}")) {
      throw new ConfigException(
          APPLICATION_ID,
          "must be 1-200 characters of [a-zA-Z0-9._-], got '" + applicationId + "'");
    }
    if (!EXACTLY_ONCE_V2.equals(processingGuarantee)
        && !AT_LEAST_ONCE.equals(processingGuarantee)) {
      throw new ConfigException(
          PROCESSING_GUARANTEE,
          "must be "
              + EXACTLY_ONCE_V2
              + " or "
              + AT_LEAST_ONCE
              + ", got '"
              + processingGuarantee
              + "'");
    }
    if (numStreamThreads < 1 || numStreamThreads > 64) {
      throw new ConfigException(NUM_STREAM_THREADS, "must be 1-64, got " + numStreamThreads);
    }
    Objects.requireNonNull(stateDir, STATE_DIR);
    if (metricsHost == null || metricsHost.isBlank()) {
      throw new ConfigException(METRICS_HOST, "must not be blank");
    }
    if (metricsPort < -1 || metricsPort > 65_535) {
      throw new ConfigException(
          METRICS_PORT, "must be -1 (none), 0 (a free port) or 1-65535, got " + metricsPort);
    }
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(alerts, "alerts");
    Objects.requireNonNull(live, "live");
    kafkaOverrides = Map.copyOf(kafkaOverrides);
  }

  /** Defaults for everything but the bootstrap servers. */
  public static StreamAppConfig defaults(String bootstrapServers) {
    return fromMap(Map.of(BOOTSTRAP_SERVERS, bootstrapServers));
  }

  /** Reads a properties file. */
  public static StreamAppConfig load(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    }
    Map<String, String> values = new LinkedHashMap<>();
    properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k).trim()));
    return fromMap(values);
  }

  /** The configuration in a map of keys to values; absent keys take their defaults. */
  public static StreamAppConfig fromMap(Map<String, String> values) {
    Map<String, String> overrides = new LinkedHashMap<>();
    TreeSet<String> unknown = new TreeSet<>();
    for (String key : values.keySet()) {
      if (key.startsWith(KAFKA_PREFIX)) {
        overrides.put(key.substring(KAFKA_PREFIX.length()), values.get(key));
      } else if (!OWN_KEYS.contains(key)
          && !KafkaSecurity.KEYS.contains(key)
          && !key.startsWith(io.trigmon.stream.alert.AlertConfig.PREFIX)
          && !key.startsWith(LiveConfig.PREFIX)) {
        unknown.add(key);
      }
    }
    if (!unknown.isEmpty()) {
      throw new ConfigException(
          unknown.first(),
          "unknown key (known: "
              + new TreeSet<>(OWN_KEYS)
              + ", "
              + new TreeSet<>(KafkaSecurity.KEYS)
              + ", alert.*, live.*, kafka.*)");
    }
    return new StreamAppConfig(
        values.get(BOOTSTRAP_SERVERS),
        values.getOrDefault(APPLICATION_ID, DEFAULT_APPLICATION_ID),
        values.getOrDefault(PROCESSING_GUARANTEE, EXACTLY_ONCE_V2),
        intValue(values, NUM_STREAM_THREADS, 1),
        Path.of(
            values.getOrDefault(
                STATE_DIR,
                Path.of(System.getProperty("java.io.tmpdir"), "trigmon-streams").toString())),
        values.getOrDefault(METRICS_HOST, "127.0.0.1"),
        intValue(values, METRICS_PORT, DEFAULT_METRICS_PORT),
        KafkaSecurity.fromMap(values),
        io.trigmon.stream.alert.AlertConfig.fromMap(values),
        LiveConfig.fromMap(values),
        overrides);
  }

  /** An integer value, or the default when absent. */
  public static int intValue(Map<String, String> values, String key, int defaultValue) {
    String text = values.get(key);
    if (text == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(key, "must be an integer, got '" + text + "'");
    }
  }

  /** A decimal value, or the default when absent. */
  public static double doubleValue(Map<String, String> values, String key, double defaultValue) {
    String text = values.get(key);
    if (text == null) {
      return defaultValue;
    }
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(key, "must be a number, got '" + text + "'");
    }
  }

  public StreamAppConfig withMetricsPort(int port) {
    return new StreamAppConfig(
        bootstrapServers,
        applicationId,
        processingGuarantee,
        numStreamThreads,
        stateDir,
        metricsHost,
        port,
        security,
        alerts,
        live,
        kafkaOverrides);
  }

  public StreamAppConfig withLive(LiveConfig newLive) {
    return new StreamAppConfig(
        bootstrapServers,
        applicationId,
        processingGuarantee,
        numStreamThreads,
        stateDir,
        metricsHost,
        metricsPort,
        security,
        alerts,
        newLive,
        kafkaOverrides);
  }
}
