package io.trigmon.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How to start a {@link KafkaBroker}. Immutable; start from {@link #defaults()} and change what you
 * need with the {@code with...} methods. Every value is checked here, so a bad one fails before any
 * process starts, with a message naming it.
 *
 * @param port the plaintext listener's loopback port; 0 picks a free one
 * @param workDir where the broker keeps its data, configuration and log; empty for a temporary
 *     directory that {@link KafkaBroker#close()} deletes. A given directory is kept, and a broker
 *     started again on it finds its topics and records.
 * @param partitions partitions of the topics created at start, and the broker's {@code
 *     num.partitions} for auto-created topics
 * @param topics topics created at start (default: {@link TrigmonTopics#ALL})
 * @param listeners extra listeners (TLS, SASL) besides the plaintext one
 * @param serverProperties extra broker properties, applied last: they override the defaults
 * @param startTimeout how long to wait for the broker to format, start and create its topics
 * @param jvmOptions options of the broker's JVM (heap, GC)
 */
public record BrokerSettings(
    int port,
    Optional<Path> workDir,
    int partitions,
    List<String> topics,
    List<Listener> listeners,
    Map<String, String> serverProperties,
    Duration startTimeout,
    List<String> jvmOptions) {

  /** Partitions of each created topic unless told otherwise: enough for 2 parallel readers. */
  public static final int DEFAULT_PARTITIONS = 2;

  /** Heap and GC of the broker JVM, sized for a small shared machine (Kafka's own uses 1 GiB). */
  public static final List<String> DEFAULT_JVM_OPTIONS =
      List.of(
          "-Xms256m",
          "-Xmx768m",
          "-XX:+UseG1GC",
          "-XX:MaxGCPauseMillis=20",
          "-XX:+ExplicitGCInvokesConcurrent",
          "-Djava.awt.headless=true");

  private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

  public BrokerSettings {
    checkPort("port", port);
    Objects.requireNonNull(workDir, "workDir");
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
    }
    topics = List.copyOf(topics);
    topics.forEach(BrokerSettings::checkTopicName);
    listeners = List.copyOf(listeners);
    checkDistinctNames(listeners);
    serverProperties = Collections.unmodifiableMap(new LinkedHashMap<>(serverProperties));
    serverProperties.forEach(
        (key, value) -> {
          if (key == null || key.isBlank() || value == null) {
            throw new IllegalArgumentException(
                "serverProperties: blank key or null value: " + key + "=" + value);
          }
        });
    if (startTimeout == null || startTimeout.isNegative() || startTimeout.isZero()) {
      throw new IllegalArgumentException("startTimeout must be positive, got " + startTimeout);
    }
    jvmOptions = List.copyOf(jvmOptions);
  }

  /**
   * A broker on a free port, in a temporary directory, with the topics of DESIGN §7 in {@value
   * #DEFAULT_PARTITIONS} partitions each.
   */
  public static BrokerSettings defaults() {
    return new BrokerSettings(
        0,
        Optional.empty(),
        DEFAULT_PARTITIONS,
        TrigmonTopics.ALL,
        List.of(),
        Map.of(),
        Duration.ofSeconds(90),
        DEFAULT_JVM_OPTIONS);
  }

  public BrokerSettings withPort(int newPort) {
    return new BrokerSettings(
        newPort,
        workDir,
        partitions,
        topics,
        listeners,
        serverProperties,
        startTimeout,
        jvmOptions);
  }

  public BrokerSettings withWorkDir(Path dir) {
    return new BrokerSettings(
        port,
        Optional.of(dir),
        partitions,
        topics,
        listeners,
        serverProperties,
        startTimeout,
        jvmOptions);
  }

  public BrokerSettings withPartitions(int newPartitions) {
    return new BrokerSettings(
        port,
        workDir,
        newPartitions,
        topics,
        listeners,
        serverProperties,
        startTimeout,
        jvmOptions);
  }

  public BrokerSettings withTopics(List<String> newTopics) {
    return new BrokerSettings(
        port,
        workDir,
        partitions,
        newTopics,
        listeners,
        serverProperties,
        startTimeout,
        jvmOptions);
  }

  public BrokerSettings withListener(Listener listener) {
    List<Listener> more = new ArrayList<>(listeners);
    more.add(listener);
    return new BrokerSettings(
        port, workDir, partitions, topics, more, serverProperties, startTimeout, jvmOptions);
  }

  /** These broker properties on top of the ones already set (later values win). */
  public BrokerSettings withServerProperties(Map<String, String> properties) {
    Map<String, String> merged = new LinkedHashMap<>(serverProperties);
    merged.putAll(properties);
    return new BrokerSettings(
        port, workDir, partitions, topics, listeners, merged, startTimeout, jvmOptions);
  }

  public BrokerSettings withServerProperty(String key, String value) {
    return withServerProperties(Map.of(key, value));
  }

  public BrokerSettings withStartTimeout(Duration timeout) {
    return new BrokerSettings(
        port, workDir, partitions, topics, listeners, serverProperties, timeout, jvmOptions);
  }

  public BrokerSettings withJvmOptions(List<String> options) {
    return new BrokerSettings(
        port, workDir, partitions, topics, listeners, serverProperties, startTimeout, options);
  }

  static void checkPort(String what, int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException(what + " must be 0 (a free port) or 1-65535, got " + port);
    }
  }

  static void checkTopicName(String topic) {
    if (topic == null || !TOPIC_NAME.matcher(topic).matches() || topic.matches("\\.{1,2}")) {
      throw new IllegalArgumentException(
          "topic name must be 1-249 characters of [a-zA-Z0-9._-], got " + topic);
    }
  }

  private static void checkDistinctNames(List<Listener> listeners) {
    Set<String> names = new HashSet<>();
    for (Listener listener : listeners) {
      if (!names.add(listener.name())) {
        throw new IllegalArgumentException("listener " + listener.name() + " is given twice");
      }
    }
  }
}
