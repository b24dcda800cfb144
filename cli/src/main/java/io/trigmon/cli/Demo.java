package io.trigmon.cli;

import com.sun.net.httpserver.HttpServer;
import io.trigmon.broker.BrokerSettings;
import io.trigmon.broker.KafkaBroker;
import io.trigmon.flink.MonitorJob;
import io.trigmon.flink.MonitorMetrics;
import io.trigmon.flink.MonitorSettings;
import io.trigmon.nplm.NplmOptions;
import io.trigmon.stream.StreamApp;
import io.trigmon.stream.StreamAppConfig;
import io.trigmon.stream.alert.AlertConfig;
import io.trigmon.stream.alert.WindowResult;
import io.trigmon.stream.live.LiveConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The whole pipeline in one process, for {@code trigmon demo}: a real Kafka broker (child JVM,
 * ephemeral port), the stream app (ingest {@code events.raw} → {@code events.valid} / {@code
 * events.dlq}, alert hooks on {@code monitor.results}), the Flink monitor job on a local
 * MiniCluster with a model directory, both {@code /metrics} endpoints on loopback (free ports), and
 * the {@link DemoProducer} streaming a {@link DemoScenario}. {@link #run(boolean)} prints one line
 * per window result read from {@code monitor.results}; {@link #close()} stops everything in reverse
 * order (producer, job, stream app, endpoints, broker), so no child JVM outlives it.
 */
final class Demo implements AutoCloseable {

  /** Events are sent in order: the watermark trails the latest event time by this little. */
  static final Duration OUT_OF_ORDERNESS = Duration.ofMillis(500);

  /** Late events within this are still counted (none are late here). */
  static final Duration ALLOWED_LATENESS = Duration.ofSeconds(1);

  /** Results become visible (read_committed) at checkpoints: often, so lines appear promptly. */
  static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(1);

  private static final String RAW = "events.raw";
  private static final String VALID = "events.valid";
  private static final String DLQ = "events.dlq";
  private static final String RESULTS = "monitor.results";

  private final DemoScenario scenario;
  private final PrintWriter out;
  private final AlertConfig alerts = AlertConfig.defaults();
  private Instant start;
  private final CountDownLatch closed = new CountDownLatch(1);
  private KafkaBroker broker;
  private StreamApp streamApp;
  private Path stateDir;
  private HttpServer monitorMetrics;
  private JobClient job;
  private DemoProducer producer;
  private Thread producerThread;
  private volatile KafkaConsumer<String, String> resultsConsumer;
  private volatile boolean stopping;
  private int printed;

  private Demo(DemoScenario scenario, PrintWriter out) {
    this.scenario = scenario;
    this.out = out;
  }

  /** Starts every part, printing where to look; on failure stops what had started. */
  static Demo start(DemoScenario scenario, Path models, int livePort, PrintWriter out)
      throws Exception {
    Demo demo = new Demo(scenario, out);
    try {
      demo.startParts(models, livePort);
      return demo;
    } catch (Exception | Error e) {
      demo.close();
      throw e;
    }
  }

  private void startParts(Path models, int livePort) throws Exception {
    long t0 = System.nanoTime();
    say("Starting a Kafka broker (KRaft, child JVM)...");
    broker = KafkaBroker.start(BrokerSettings.defaults());
    say("  bootstrap servers  " + broker.bootstrapServers() + since(t0));

    stateDir = Files.createTempDirectory("trigmon-demo-streams");
    StreamAppConfig appConfig =
        StreamAppConfig.fromMap(
            Map.of(
                StreamAppConfig.BOOTSTRAP_SERVERS,
                broker.bootstrapServers(),
                StreamAppConfig.APPLICATION_ID,
                "trigmon-demo-stream-app",
                StreamAppConfig.STATE_DIR,
                stateDir.toString(),
                StreamAppConfig.METRICS_PORT,
                "0",
                LiveConfig.PORT,
                Integer.toString(livePort)));
    streamApp = new StreamApp(appConfig);
    streamApp.start();
    say(
        "  stream app         ingest "
            + RAW
            + " -> "
            + VALID
            + " / "
            + DLQ
            + ", alert hooks"
            + since(t0));
    streamApp
        .metricsServer()
        .ifPresent(m -> say("  stream-app metrics " + url(m.address().getPort()) + "/metrics"));
    streamApp.livePage().ifPresent(page -> say("  live page          " + page.url()));

    monitorMetrics = MonitorMetrics.serve(0);
    say("  monitor metrics    " + url(monitorMetrics.getAddress().getPort()) + "/metrics");

    MonitorSettings settings =
        new MonitorSettings(
            models.toString(),
            scenario.window(),
            ALLOWED_LATENESS,
            OUT_OF_ORDERNESS,
            Duration.ofSeconds(5),
            null,
            NplmOptions.DEFAULT_NORM_SIGMA,
            CHECKPOINT_INTERVAL,
            Map.of());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    new MonitorJob(
            MonitorJob.kafkaSource(broker.bootstrapServers(), VALID),
            MonitorJob.resultsSink(broker.bootstrapServers(), RESULTS),
            MonitorJob.deadLetterSink(broker.bootstrapServers(), DLQ),
            settings)
        .build(env);
    job = env.executeAsync(MonitorJob.NAME);
    say(
        "  monitor job        Flink MiniCluster, models "
            + models
            + ", windows of "
            + DemoScenario.seconds(scenario.window())
            + " s"
            + since(t0));
    say("Scenario: " + scenario.plan());
  }

  private static String since(long t0) {
    return String.format(Locale.ROOT, "  (%.0f s)", (System.nanoTime() - t0) / 1e9);
  }

  private static String url(int port) {
    return "http://127.0.0.1:" + port;
  }

  /**
   * Streams the scenario and prints each window's result. Headless: returns when every window of
   * the scenario has been reported (or {@code timeout} has passed). Otherwise: prints the summary
   * when the scenario is over, then keeps serving until {@link #stop()} (Ctrl-C).
   */
  DemoSummary run(boolean headless, Duration timeout) {
    long windowMillis = scenario.window().toMillis();
    // Windows are aligned to multiples of their length since the epoch: start on a boundary.
    start = Instant.ofEpochMilli(System.currentTimeMillis() / windowMillis * windowMillis);
    Duration tail = OUT_OF_ORDERNESS.plus(ALLOWED_LATENESS).plus(Duration.ofSeconds(1));
    producer = new DemoProducer(broker.bootstrapServers(), RAW, scenario, start, tail);
    producerThread = new Thread(producer, "trigmon-demo-producer");
    producerThread.setDaemon(true);
    producerThread.start();
    say("");
    say(WindowLine.HEADER);
    Map<Integer, WindowResult> seen = new TreeMap<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    DemoSummary summary = null;
    try (KafkaConsumer<String, String> consumer = resultsConsumer()) {
      resultsConsumer = consumer;
      consumer.subscribe(List.of(RESULTS));
      while (!stopping) {
        boolean complete = seen.size() >= scenario.windows();
        if (complete && summary == null) {
          summary = summary(seen);
          say(summary.text());
          if (headless) {
            break;
          }
          say("The demo stream is over; metrics stay up. Press Ctrl-C to stop.");
        }
        if (headless && System.nanoTime() > deadline) {
          seen.forEach(
              (index, r) -> {
                if (index >= printed) {
                  say(WindowLine.of(r, index, scenario, alerts).text());
                }
              });
          summary = summary(seen);
          say("Timed out after " + timeout.toSeconds() + " s. " + summary.text());
          break;
        }
        checkHealth();
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          accept(record.value(), seen);
        }
      }
    } catch (WakeupException e) {
      // stop(): Ctrl-C
    }
    return summary != null ? summary : summary(seen);
  }

  private void accept(String json, Map<Integer, WindowResult> seen) {
    WindowResult result;
    try {
      result = WindowResult.fromJson(json);
    } catch (IOException e) {
      say("(unreadable result: " + e.getMessage() + ")");
      return;
    }
    int index =
        (int) ((result.windowStart() - start.toEpochMilli()) / scenario.window().toMillis());
    if (index < 0 || index >= scenario.windows() || seen.containsKey(index)) {
      return;
    }
    seen.put(index, result);
    // Results of several windows can arrive in one poll, from two partitions: print in order.
    while (seen.containsKey(printed)) {
      say(WindowLine.of(seen.get(printed), printed, scenario, alerts).text());
      printed++;
    }
  }

  private void checkHealth() {
    if (producer.failure() != null) {
      throw new IllegalStateException("the demo producer failed: " + producer.failure());
    }
    JobStatus status = job.getJobStatus().getNow(JobStatus.RUNNING);
    if (status.isGloballyTerminalState()) {
      throw new IllegalStateException("the monitor job stopped: " + status);
    }
  }

  private DemoSummary summary(Map<Integer, WindowResult> seen) {
    long expected = producer.events() + producer.badRecords();
    long[] counts = countIngested(expected);
    List<Integer> alarmed = new ArrayList<>();
    seen.forEach(
        (index, r) -> {
          if (r.z() >= alerts.zOn()) {
            alarmed.add(index);
          }
        });
    return new DemoSummary(
        scenario.windows(),
        new ArrayList<>(seen.keySet()),
        alarmed,
        scenario.signalWindows(),
        producer.events(),
        producer.badRecords(),
        counts[0],
        counts[1],
        alerts.zOn());
  }

  /** Records in events.valid and events.dlq (committed ones), once they add up or 20 s passed. */
  private long[] countIngested(long expected) {
    Properties p = consumerProperties();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    long[] counts = new long[2];
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(VALID, DLQ));
      int quiet = 0;
      while (!stopping && System.nanoTime() < deadline) {
        var batch = consumer.poll(Duration.ofMillis(300));
        for (ConsumerRecord<byte[], byte[]> r : batch) {
          counts[r.topic().equals(VALID) ? 0 : 1]++;
        }
        quiet = batch.isEmpty() ? quiet + 1 : 0;
        if (counts[0] + counts[1] >= expected && quiet >= 2) {
          break;
        }
      }
    } catch (WakeupException e) {
      // stopping
    }
    return counts;
  }

  private KafkaConsumer<String, String> resultsConsumer() {
    return new KafkaConsumer<>(
        consumerProperties(), new StringDeserializer(), new StringDeserializer());
  }

  private Properties consumerProperties() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "trigmon-demo-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return p;
  }

  /** Makes {@link #run} return soon (from another thread, e.g. a shutdown hook). */
  void stop() {
    stopping = true;
    KafkaConsumer<String, String> consumer = resultsConsumer;
    if (consumer != null) {
      consumer.wakeup();
    }
  }

  /** Waits until {@link #close()} has finished, at most {@code timeout}. */
  boolean awaitClosed(Duration timeout) throws InterruptedException {
    return closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    try {
      if (producer != null) {
        producer.stop();
        join(producerThread);
      }
      if (job != null) {
        try {
          job.cancel().get(30, TimeUnit.SECONDS);
          // The per-job MiniCluster shuts down once the job has reached a terminal state.
          job.getJobExecutionResult().handle((r, e) -> null).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
          say("(the monitor job did not stop cleanly: " + e + ")");
        }
      }
      if (streamApp != null) {
        streamApp.close();
      }
      if (monitorMetrics != null) {
        monitorMetrics.stop(0);
      }
      if (broker != null) {
        broker.close();
      }
      if (stateDir != null) {
        deleteTree(stateDir);
      }
    } finally {
      closed.countDown();
    }
  }

  private static void join(Thread thread) {
    try {
      thread.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void say(String line) {
    out.println(line);
    out.flush();
  }
}
