package io.trigmon.cli;

import io.trigmon.broker.BrokerSettings;
import io.trigmon.broker.KafkaBroker;
import io.trigmon.event.DileptonFeatures;
import io.trigmon.event.EventCodec;
import io.trigmon.flink.MonitorModels;
import io.trigmon.flink.cluster.FlinkClusterException;
import io.trigmon.flink.cluster.FlinkRestClient;
import io.trigmon.flink.cluster.StandaloneCluster;
import io.trigmon.nplm.KernelNplm;
import io.trigmon.nplm.KernelNplmModel;
import io.trigmon.nplm.ReferenceSample;
import io.trigmon.simulation.Process;
import io.trigmon.simulation.Simulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trigmon bench scale-out}: the monitor job on the local multi-process standalone cluster
 * ({@link StandaloneCluster}, DESIGN §8) at several parallelisms over the same stream: a broker, a
 * simulated Drell–Yan reference model and S streams of W windows; for each parallelism p the job
 * jar submitted at p (one TaskManager per subtask) on a topic of its own, and, once the job is
 * ready, the whole stream sent and timed from its first record to the last window result. Writes
 * {@code reports/bench/scale-out.md} and {@code scale-out.png} ({@link ScaleOutReport}).
 */
@Command(
    name = "scale-out",
    mixinStandardHelpOptions = true,
    description = {
      "Run the monitor job on a local standalone Flink cluster (a JobManager and one TaskManager"
          + " JVM per subtask) at each parallelism over the same pre-loaded stream of several"
          + " trigger streams, and write events/s and NPLM tests/s per parallelism to"
          + " reports/bench/scale-out.md and scale-out.png.",
      "Size: --streams x --windows windows of --events-per-window events. The default (8 x 10 x"
          + " 5000 = 400k events, N_R = 20000) is the size for the report's figures; --quick"
          + " (16k events, N_R = 5000) only proves that the harness works. Figures taken on a"
          + " loaded machine are not comparable: rerun them on an idle one."
    },
    footer = {
      "",
      "Examples:",
      "  ./trigmon bench scale-out --quick",
      "  ./trigmon bench scale-out",
      "  ./trigmon bench scale-out --streams 16 --windows 20 --events-per-window 10000"
          + " --parallelism 1,2,4,8"
    })
public final class BenchScaleOutCommand implements Callable<Integer> {

  private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(20);

  /**
   * Results become visible at checkpoints (exactly-once): each result's arrival time at a {@code
   * read_committed} consumer is late by up to this much.
   */
  private static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(1);

  @Option(
      names = "--parallelism",
      split = ",",
      paramLabel = "P",
      defaultValue = "1,2,4",
      description = "Parallelisms to run, comma separated (default: ${DEFAULT-VALUE}).")
  List<Integer> parallelisms;

  @Option(
      names = "--streams",
      defaultValue = "8",
      description = "Trigger streams (window keys) (default: ${DEFAULT-VALUE}).")
  int streams;

  @Option(
      names = "--windows",
      defaultValue = "10",
      description = "Windows per stream (default: ${DEFAULT-VALUE}).")
  int windows;

  @Option(
      names = "--events-per-window",
      defaultValue = "5000",
      description = "Events per window and stream, N_D (default: ${DEFAULT-VALUE}).")
  int eventsPerWindow;

  @Option(
      names = "--reference",
      defaultValue = "20000",
      description = "Reference events N_R of the NPLM model (default: ${DEFAULT-VALUE}).")
  int referenceEvents;

  @Option(
      names = "--window",
      defaultValue = "PT10S",
      description = "Window length, ISO-8601 (default: ${DEFAULT-VALUE}).")
  String window;

  @Option(
      names = "--quick",
      description =
          "A short proof run: 4 streams x 4 windows x 1000 events, N_R = 5000, parallelism 1,2.")
  boolean quick;

  @Option(
      names = "--out",
      defaultValue = "reports/bench",
      description = "Directory of the report (default: ${DEFAULT-VALUE}).")
  Path out;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (quick) {
      streams = 4;
      windows = 4;
      eventsPerWindow = 1000;
      referenceEvents = 5000;
      parallelisms = List.of(1, 2);
    }
    Duration length = windowLength();
    validate();
    Path home = Path.of(System.getProperty("trigmon.home", ".")).toAbsolutePath();
    Path jar;
    try {
      jar = StandaloneCluster.jobJar(home);
    } catch (FlinkClusterException e) {
      throw new UserException(e.getMessage() + " (run ./trigmon from the root of a checkout)");
    }
    Files.createDirectories(out);
    Path work = Files.createTempDirectory("trigmon-scale-out");
    int maxParallelism = parallelisms.stream().mapToInt(Integer::intValue).max().orElseThrow();
    var log = spec.commandLine().getOut();
    List<ScaleOutRun> runs = new ArrayList<>();
    try (KafkaBroker kafka =
        KafkaBroker.start(BrokerSettings.defaults().withPartitions(maxParallelism))) {
      Path models = work.resolve("models");
      writeReference(models);
      List<byte[]> stream = simulate(length);
      long events = (long) streams * windows * eventsPerWindow;
      log.printf(
          "Simulated %d events (%d streams x %d windows, plus one window to close them)%n",
          events, streams, windows);
      log.flush();
      try (StandaloneCluster flink =
          StandaloneCluster.start(home, work.resolve("flink"), maxParallelism, 1)) {
        FlinkRestClient rest = flink.client();
        String jarId = rest.uploadJar(jar);
        log.println("Flink REST: " + rest.base() + " (logs in " + flink.stateDirectory() + ")");
        for (int p : parallelisms) {
          ScaleOutRun run =
              runAt(p, maxParallelism, kafka, rest, jarId, models, length, stream, events);
          runs.add(run);
          log.printf(
              "parallelism %d: %.1f s, %,.0f events/s, %.2f NPLM tests/s%n",
              p, run.sentToLastMillis() / 1e3, run.eventsPerSecond(), run.testsPerSecond());
          log.flush();
        }
      }
    }
    ScaleOutReport.write(out, configuration(), runs);
    log.println("Report: " + out.resolve(ScaleOutReport.MARKDOWN));
    delete(work); // on success only: after a failure the cluster's logs stay there
    return 0;
  }

  private static void delete(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  /**
   * Submits the job at parallelism {@code p} on a fresh events topic, waits until it is ready (all
   * tasks running and a first checkpoint: sources and transactional sinks initialised), then sends
   * the whole stream and times it from the first record sent to the arrival of the last result.
   */
  private ScaleOutRun runAt(
      int p,
      int partitions,
      KafkaBroker kafka,
      FlinkRestClient rest,
      String jarId,
      Path models,
      Duration length,
      List<byte[]> stream,
      long events)
      throws InterruptedException {
    String run = "p" + p + "." + UUID.randomUUID();
    String eventsTopic = "bench.scale-out.events." + run;
    String results = "bench.scale-out.results." + run;
    kafka.createTopic(eventsTopic, partitions);
    kafka.createTopic(results, 1);
    String job =
        rest.runJar(
            jarId,
            List.of(
                "--bootstrap", kafka.bootstrapServers(),
                "--models", models.toString(),
                "--window", length.toString(),
                "--checkpoint-interval", CHECKPOINT_INTERVAL.toString(),
                "--group", "bench-scale-out-" + run,
                "--events-topic", eventsTopic,
                "--results-topic", results),
            p);
    await(
        () ->
            rest.allTasksRunning(job)
                && rest.checkpoints(job).path("counts").path("completed").asLong() > 0,
        Duration.ofMinutes(3),
        "job " + job + " to run and complete a checkpoint");
    long start = System.currentTimeMillis();
    send(kafka.bootstrapServers(), eventsTopic, stream);
    long sent = System.currentTimeMillis() - start;
    int expected = streams * windows;
    List<Long> arrivals = resultArrivals(kafka.bootstrapServers(), results, expected);
    long checkpoint = rest.checkpoints(job).path("summary").path("state_size").path("max").asLong();
    rest.cancel(job);
    await(() -> !"RUNNING".equals(rest.jobState(job)), Duration.ofMinutes(1), "cancel " + job);
    if (arrivals.size() < expected) {
      throw new UserException(
          "parallelism "
              + p
              + ": "
              + arrivals.size()
              + " of "
              + expected
              + " window results within "
              + RUN_TIMEOUT
              + " (job "
              + job
              + ")");
    }
    long first = arrivals.stream().mapToLong(Long::longValue).min().orElseThrow();
    long last = arrivals.stream().mapToLong(Long::longValue).max().orElseThrow();
    return new ScaleOutRun(p, events, expected, last - start, sent, last - first, checkpoint);
  }

  /**
   * When each committed result arrived here (wall clock, ms), once all have arrived. (The records'
   * Kafka timestamps are the windows' event times, not their emission.)
   */
  private static List<Long> resultArrivals(String bootstrap, String topic, int expected) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-reader-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<Long> stamps = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
      while (stamps.size() < expected && System.nanoTime() < deadline) {
        int arrived = consumer.poll(Duration.ofMillis(100)).count();
        long now = System.currentTimeMillis();
        for (int i = 0; i < arrived; i++) {
          stamps.add(now);
        }
      }
    }
    return stamps;
  }

  /** The NPLM reference model (simulated Drell–Yan, no calibration: results without Z). */
  private void writeReference(Path models) {
    double[][] reference =
        Simulator.builder()
            .process(Process.DY)
            .seed(7)
            .build()
            .events(referenceEvents)
            .map(DileptonFeatures::of)
            .flatMap(Optional::stream)
            .map(DileptonFeatures::toArray)
            .toArray(double[][]::new);
    new KernelNplmModel(ReferenceSample.of(reference), KernelNplm.protocol(reference, 0, 11))
        .save(models.resolve(MonitorModels.NPLM), "scale-out");
  }

  /**
   * The encoded events of every stream, window after window, then one more (shorter) window that
   * only moves the watermark past the last one.
   */
  private List<byte[]> simulate(Duration length) {
    List<byte[]> out = new ArrayList<>();
    for (int w = 0; w <= windows; w++) {
      for (int s = 0; s < streams; s++) {
        int n = w < windows ? eventsPerWindow : Math.max(10, eventsPerWindow / 10);
        Simulator.builder().process(Process.DY).seed(1_000L * w + s).stream("Stream" + s)
            .startTime(START.plus(length.multipliedBy(w)))
            .rateHz(n / (length.toNanos() / 1e9) * 1.001)
            .poissonArrivals(false)
            .build()
            .events(n)
            .forEach(e -> out.add(EventCodec.encode(e)));
      }
    }
    return out;
  }

  /** Sends the records round robin over the topic's partitions, and flushes. */
  private static void send(String bootstrap, String topic, List<byte[]> records) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      int partitions = producer.partitionsFor(topic).size();
      for (int i = 0; i < records.size(); i++) {
        producer.send(new ProducerRecord<>(topic, i % partitions, null, records.get(i)));
      }
      producer.flush();
    }
  }

  private String configuration() {
    return String.format(
        "%d streams × %d windows of %s × %d events (N_D) = %d events, kernel NPLM with N_R = %d"
            + " (M = ⌈√N_R⌉, shape-only, no autoencoder), checkpoints every 1 s, exactly-once"
            + " results; one TaskManager (1 GB, 1 slot) per subtask; %d cores, run on %s.",
        streams,
        windows,
        window,
        eventsPerWindow,
        (long) streams * windows * eventsPerWindow,
        referenceEvents,
        Runtime.getRuntime().availableProcessors(),
        java.time.LocalDate.now());
  }

  private Duration windowLength() {
    try {
      return Duration.parse(window);
    } catch (DateTimeParseException e) {
      throw new UserException("--window: not an ISO-8601 duration (e.g. PT10S): '" + window + "'");
    }
  }

  private void validate() {
    if (parallelisms.isEmpty() || parallelisms.stream().anyMatch(p -> p < 1)) {
      throw new UserException("--parallelism: positive numbers, got " + parallelisms);
    }
    if (streams < 1 || windows < 1 || eventsPerWindow < 10 || referenceEvents < 100) {
      throw new UserException(
          "--streams and --windows must be >= 1, --events-per-window >= 10, --reference >= 100");
    }
  }

  private static void await(BooleanSupplier condition, Duration timeout, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new UserException("timed out after " + timeout + " waiting for " + what);
      }
      Thread.sleep(250);
    }
  }
}
