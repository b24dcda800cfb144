package io.trigmon.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real single-node Apache Kafka broker (KRaft: broker and controller in one process) running in a
 * child JVM on loopback, for tests, {@code trigmon kafka} and the embedded default run (DESIGN §8).
 *
 * <p>{@link #start(BrokerSettings)} starts a child JVM ({@link BrokerMain}) that formats the
 * storage ({@code kafka.tools.StorageTool format}) and runs {@code kafka.Kafka server.properties},
 * waits until the broker answers an admin request and creates the topics of DESIGN §7. About 5 s.
 * The broker keeps records forever ({@code log.retention.ms=-1}: replayed events are stamped in the
 * past) and has single-replica internal topics, so consumer groups and transactions (exactly-once
 * sinks) work on one node.
 *
 * <p>{@link #close()} stops the broker and deletes a temporary work directory. The broker also
 * stops when this JVM exits (a shutdown hook) or dies ({@link ParentWatchdog} in the child). Its
 * output goes to {@code broker.log} in the work directory; a failed start says why with the tail of
 * that log.
 *
 * <pre>{@code
 * try (KafkaBroker kafka = KafkaBroker.start()) {
 *   producerProps.put("bootstrap.servers", kafka.bootstrapServers());
 *   ...
 * }
 * }</pre>
 */
public final class KafkaBroker implements AutoCloseable {

  /** Name of the plaintext listener every client can use. */
  public static final String PLAINTEXT = "PLAINTEXT";

  /** Name of the KRaft controller listener (not for clients). */
  static final String CONTROLLER = "CONTROLLER";

  /** The broker's log (its standard output and error) inside the work directory. */
  public static final String LOG_FILE = "broker.log";

  private static final Duration STOP_GRACE = Duration.ofSeconds(20);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final int TAIL_LINES = 60;
  private static final int PORT_ATTEMPTS = 3;

  private final BrokerSettings settings;
  private final Path workDir;
  private final boolean temporary;
  private final BrokerPorts ports;
  private final ChildJvm child;
  private final Admin admin;
  private final Thread shutdownHook;
  private final AtomicBoolean closed = new AtomicBoolean();

  private KafkaBroker(
      BrokerSettings settings,
      Path workDir,
      boolean temporary,
      BrokerPorts ports,
      ChildJvm child,
      Admin admin) {
    this.settings = settings;
    this.workDir = workDir;
    this.temporary = temporary;
    this.ports = ports;
    this.child = child;
    this.admin = admin;
    this.shutdownHook = new Thread(this::stop, "kafka-broker-shutdown");
  }

  /** Starts a broker with {@link BrokerSettings#defaults()}: free port, temporary directory. */
  public static KafkaBroker start() {
    return start(BrokerSettings.defaults());
  }

  /**
   * Starts a broker and returns once it serves requests and its topics have leaders.
   *
   * @throws BrokerException if it did not start within {@link BrokerSettings#startTimeout()}; the
   *     message ends with the tail of the broker's log
   */
  public static KafkaBroker start(BrokerSettings settings) {
    for (int attempt = 1; ; attempt++) {
      try {
        return startOnce(settings);
      } catch (BrokerException e) {
        // A free port found by binding and releasing it can be taken by another process before
        // the broker binds it: with only free ports asked for, try again on other ones.
        boolean portRace = String.valueOf(e.getMessage()).contains("Address already in use");
        if (!portRace || !onlyFreePorts(settings) || attempt == PORT_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private static boolean onlyFreePorts(BrokerSettings settings) {
    return settings.port() == 0 && settings.listeners().stream().allMatch(l -> l.port() == 0);
  }

  private static KafkaBroker startOnce(BrokerSettings settings) {
    long deadline = System.nanoTime() + settings.startTimeout().toNanos();
    String classpath = BrokerClasspath.resolve(); // first: fails fast on a module built elsewhere
    boolean temporary = settings.workDir().isEmpty();
    Path workDir = settings.workDir().orElseGet(KafkaBroker::temporaryDirectory);
    Path log = workDir.resolve(LOG_FILE);
    BrokerPorts ports = BrokerPorts.allocate(settings);
    Path config = writeConfiguration(settings, ports, workDir);
    List<String> jvmOptions = new ArrayList<>(settings.jvmOptions());
    jvmOptions.add("-Dlog4j2.configurationFile=" + workDir.resolve("log4j2.xml"));

    List<String> args = new ArrayList<>(List.of(config.toString()));
    if (!Files.exists(workDir.resolve("data").resolve("meta.properties"))) {
      args.add(Uuid.randomUuid().toString()); // BrokerMain formats the storage first
    }
    ChildJvm child = ChildJvm.start(classpath, jvmOptions, args, log);
    Admin admin = null;
    try {
      awaitListening(child, ports.plaintext(), deadline);
      admin = Admin.create(adminProperties(ports));
      KafkaBroker broker = new KafkaBroker(settings, workDir, temporary, ports, child, admin);
      broker.awaitCluster(deadline);
      broker.createTopics(settings.topics(), settings.partitions(), Map.of());
      broker.awaitLeaders(settings.topics(), deadline);
      Runtime.getRuntime().addShutdownHook(broker.shutdownHook);
      return broker;
    } catch (RuntimeException e) {
      if (admin != null) {
        admin.close(Duration.ZERO);
      }
      child.stop(Duration.ZERO);
      throw new BrokerException(
          "the Kafka broker did not start (work dir "
              + workDir
              + "): "
              + e.getMessage()
              + "\n"
              + LogTail.of(log, TAIL_LINES),
          e);
    }
  }

  /** Whether a broker could listen on this port of 127.0.0.1 now (nothing else is bound to it). */
  public static boolean isPortFree(int port) {
    return BrokerPorts.isFree(port);
  }

  /** {@code host:port} of the plaintext listener, for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return BrokerPorts.HOST + ":" + ports.plaintext();
  }

  /** {@code host:port} of the named listener ({@link #PLAINTEXT} or an extra one). */
  public String bootstrapServers(String listenerName) {
    if (PLAINTEXT.equals(listenerName)) {
      return bootstrapServers();
    }
    Integer port = ports.listeners().get(listenerName);
    if (port == null) {
      throw new IllegalArgumentException(
          "no listener "
              + listenerName
              + "; listeners: "
              + PLAINTEXT
              + " "
              + ports.listeners().keySet());
    }
    return BrokerPorts.HOST + ":" + port;
  }

  /** The settings it was started with. */
  public BrokerSettings settings() {
    return settings;
  }

  /** Where its data, configuration and log are. */
  public Path workDir() {
    return workDir;
  }

  /** The broker's log: its standard output and error. */
  public Path logFile() {
    return workDir.resolve(LOG_FILE);
  }

  /** Process id of the broker JVM. */
  public long pid() {
    return child.pid();
  }

  public boolean isRunning() {
    return child.isAlive();
  }

  /** Whether {@link #close()} was called, or the JVM's shutdown hook stopped the broker. */
  public boolean isClosed() {
    return closed.get();
  }

  /**
   * Creates a topic with one replica, and returns once its partitions have a leader. A topic that
   * already exists is left as it is.
   */
  public void createTopic(String name, int partitions) {
    createTopic(name, partitions, Map.of());
  }

  /** As {@link #createTopic(String, int)}, with topic configs (e.g. {@code cleanup.policy}). */
  public void createTopic(String name, int partitions, Map<String, String> configs) {
    BrokerSettings.checkTopicName(name);
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
    }
    createTopics(List.of(name), partitions, configs);
    awaitLeaders(List.of(name), System.nanoTime() + REQUEST_TIMEOUT.toNanos());
  }

  /** Blocks until the broker process exits (closed, killed or crashed); returns its exit code. */
  public int awaitExit() throws InterruptedException {
    return child.waitFor();
  }

  /** Stops the broker (cleanly, killing it after a grace period) and deletes a temporary dir. */
  @Override
  public void close() {
    if (closed.get()) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down and the hook runs (or ran) stop().
    }
    stop();
  }

  private void stop() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    admin.close(Duration.ofSeconds(1));
    // A temporary broker's data is thrown away: no need for a clean shutdown.
    child.stop(temporary ? Duration.ZERO : STOP_GRACE);
    if (temporary) {
      deleteRecursively(workDir);
    }
  }

  private void awaitCluster(long deadline) {
    while (true) {
      checkAlive();
      try {
        Collection<Node> nodes =
            admin.describeCluster().nodes().get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
        if (!nodes.isEmpty()) {
          return;
        }
      } catch (ExecutionException e) {
        // Not ready yet (e.g. the broker is still catching up with its metadata): try again.
      } catch (TimeoutException e) {
        throw new BrokerException("no answer to describeCluster before the start timeout");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BrokerException("interrupted while waiting for the broker", e);
      }
      pause(deadline);
    }
  }

  private void createTopics(List<String> names, int partitions, Map<String, String> configs) {
    if (names.isEmpty()) {
      return;
    }
    List<NewTopic> topics = new ArrayList<>();
    for (String name : names) {
      topics.add(new NewTopic(name, partitions, (short) 1).configs(configs));
    }
    admin
        .createTopics(topics)
        .values()
        .forEach(
            (name, future) -> {
              try {
                future.get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
              } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                  throw new BrokerException("cannot create topic " + name, e.getCause());
                }
              } catch (TimeoutException e) {
                throw new BrokerException("creating topic " + name + " timed out", e);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BrokerException("interrupted while creating topic " + name, e);
              }
            });
  }

  private void awaitLeaders(List<String> topics, long deadline) {
    if (topics.isEmpty()) {
      return;
    }
    while (true) {
      checkAlive();
      try {
        Map<String, TopicDescription> descriptions =
            admin
                .describeTopics(topics)
                .allTopicNames()
                .get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
        if (descriptions.values().stream().allMatch(KafkaBroker::allPartitionsLed)) {
          return;
        }
      } catch (ExecutionException e) {
        // Metadata not propagated yet: try again.
      } catch (TimeoutException e) {
        throw new BrokerException("topics " + topics + " have no leaders before the timeout");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BrokerException("interrupted while waiting for topic leaders", e);
      }
      pause(deadline);
    }
  }

  private static boolean allPartitionsLed(TopicDescription description) {
    for (TopicPartitionInfo partition : description.partitions()) {
      if (partition.leader() == null || partition.leader().isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private void checkAlive() {
    if (!child.isAlive()) {
      throw new BrokerException("the broker process exited");
    }
  }

  private static void awaitListening(ChildJvm child, int port, long deadline) {
    while (true) {
      if (!child.isAlive()) {
        throw new BrokerException("the broker process exited");
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(BrokerPorts.HOST, port), 200);
        return;
      } catch (IOException e) {
        // Not listening yet.
      }
      pause(deadline);
    }
  }

  private static void pause(long deadline) {
    if (System.nanoTime() > deadline) {
      throw new BrokerException("not ready before the start timeout");
    }
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BrokerException("interrupted while waiting for the broker", e);
    }
  }

  private static long remainingMillis(long deadline) {
    return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
  }

  private static Properties adminProperties(BrokerPorts ports) {
    Properties props = new Properties();
    props.put(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BrokerPorts.HOST + ":" + ports.plaintext());
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "trigmon-kafka-broker-admin");
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
    return props;
  }

  private static Path writeConfiguration(BrokerSettings settings, BrokerPorts ports, Path workDir) {
    try {
      Files.createDirectories(workDir);
      Path config = workDir.resolve("server.properties");
      ServerProperties.write(ServerProperties.of(settings, ports, workDir.resolve("data")), config);
      Files.writeString(workDir.resolve("log4j2.xml"), BROKER_LOG4J2, StandardCharsets.UTF_8);
      return config;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the broker's configuration in " + workDir, e);
    }
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("trigmon-kafka-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory", e);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
              Files.deleteIfExists(d);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      // Best effort: a leftover temporary directory is harmless.
    }
  }

  /** Broker logging: INFO to standard output, which the parent sends to broker.log. */
  private static final String BROKER_LOG4J2 =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <!-- Written by io.trigmon.broker.KafkaBroker. -->
      <Configuration status="WARN" shutdownHook="disable">
        <Appenders>
          <Console name="stdout" target="SYSTEM_OUT">
            <PatternLayout pattern="[%d] %-5p %m (%c)%n"/>
          </Console>
        </Appenders>
        <Loggers>
          <Logger name="org.apache.kafka.storage.internals.log" level="WARN"/>
          <Logger name="kafka.log" level="WARN"/>
          <Root level="INFO">
            <AppenderRef ref="stdout"/>
          </Root>
        </Loggers>
      </Configuration>
      """;
}
