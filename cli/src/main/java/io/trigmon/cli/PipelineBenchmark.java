package io.trigmon.cli;

import io.trigmon.broker.BrokerSettings;
import io.trigmon.broker.KafkaBroker;
import io.trigmon.flink.MonitorJob;
import io.trigmon.flink.MonitorSettings;
import io.trigmon.flink.WindowTimings;
import io.trigmon.flink.records.RawRecord;
import io.trigmon.nplm.KernelNplm;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One pipeline benchmark run (issue 8), everything on one embedded broker and in local MiniClusters
 * in this JVM: pre-load encoded events into a topic, then read them (a) with a plain Kafka
 * consumer, (b) with the trivial decode + window-count job, (c) with the full monitor job (scoring,
 * windowed kernel NPLM with the normalisation nuisance, exactly-once results); then run the monitor
 * live, producing in real time at half of (c)'s rate (window-result latency) and, if asked, at
 * twice it (backpressure: counts per window, lag and drain).
 */
final class PipelineBenchmark {

  /** The NPLM test timed directly on this many windows. */
  private static final int NPLM_WINDOWS = 5;

  private final PipelineBenchSettings settings;
  private final Path work;
  private final PrintWriter log;

  PipelineBenchmark(PipelineBenchSettings settings, Path work, PrintWriter log) {
    this.settings = settings;
    this.work = work;
    this.log = log;
  }

  PipelineFigures run() throws Exception {
    double[] loadStart = PipelineFigures.Machine.loadAverage();
    Path models = Files.createDirectories(work.resolve("models"));
    say(
        "Models: N_R = %d, N_D = %d, %d calibration toys",
        settings.referenceEvents(), settings.windowDileptons(), settings.toys());
    KernelNplm nplm =
        BenchModels.write(
            models, settings.referenceEvents(), settings.windowDileptons(), settings.toys());
    PipelineFigures.Nplm nplmFigures = timeNplm(nplm);
    say("NPLM per window (direct): %.3f s", nplmFigures.secondsPerWindow());
    PipelineEvents events =
        PipelineEvents.simulate(
            settings.streams(),
            settings.dileptonFraction(),
            (int) Math.min(20_000, Math.max(1_000, settings.windowEvents())));

    BrokerSettings brokerSettings =
        BrokerSettings.defaults()
            .withTopics(List.of())
            .withWorkDir(Files.createDirectories(work.resolve("broker")))
            .withServerProperty("log.retention.ms", "-1");
    try (KafkaBroker broker = KafkaBroker.start(brokerSettings)) {
      String bootstrap = broker.bootstrapServers();
      String topic = "bench.events";
      broker.createTopic(topic, settings.parallelism());
      Duration window = preloadWindow();
      double preload = preload(bootstrap, topic, events, window);
      say("Pre-loaded %d events in %.1f s", settings.events(), preload);

      PipelineFigures.Throughput raw = rawConsume(bootstrap, topic);
      say("(a) raw consume: %.0f events/s", raw.rate());
      PipelineFigures.Throughput trivial = trivialJob(bootstrap, topic, window);
      say(
          "(b) trivial job: %.0f events/s, %.2f µs CPU per event",
          trivial.rate(), trivial.cpuMicrosPerEvent());

      String results = "bench.results";
      broker.createTopic(results, 1);
      JfrProfile profiler = settings.profile() ? JfrProfile.start() : null;
      PipelineFigures.Throughput monitor;
      PipelineFigures.Counted counted;
      try (ResultsWatcher watcher = new ResultsWatcher(bootstrap, results)) {
        monitor = monitorJob(bootstrap, topic, results, models, window);
        int expectedWindows = (int) Math.ceil((double) settings.events() / settings.windowEvents());
        List<ResultsWatcher.Seen> seen = watcher.await(expectedWindows, Duration.ofSeconds(30));
        counted =
            new PipelineFigures.Counted(
                seen.size(), seen.stream().mapToLong(ResultsWatcher.Seen::events).sum());
      }
      JfrProfile.Summary profile =
          profiler == null ? null : profiler.stop(work.resolve("monitor.jfr"), 12);
      say(
          "(c) monitor: %.0f events/s (%d windows), %.2f µs CPU per event",
          monitor.rate(), counted.windows(), monitor.cpuMicrosPerEvent());

      PipelineFigures.Live live = live(broker, models, events, monitor.rate());
      return new PipelineFigures(
          new PipelineFigures.Machine(
              Runtime.getRuntime().availableProcessors(),
              System.getProperty("java.version"),
              loadStart,
              PipelineFigures.Machine.loadAverage()),
          nplmFigures,
          preload,
          raw,
          trivial,
          monitor,
          counted,
          live,
          profile);
    }
  }

  /** Window length of the pre-loaded stream: 10 s of event time per window. */
  private static Duration preloadWindow() {
    return Duration.ofSeconds(10);
  }

  private PipelineFigures.Nplm timeNplm(KernelNplm nplm) {
    int nd = settings.windowDileptons();
    double[][] pool = BenchModels.dileptons(29, nd * NPLM_WINDOWS);
    double[] seconds = new double[NPLM_WINDOWS];
    for (int w = 0; w < NPLM_WINDOWS; w++) {
      double[][] window =
          Arrays.copyOfRange(
              pool, w * pool.length / NPLM_WINDOWS, (w + 1) * pool.length / NPLM_WINDOWS);
      long start = System.nanoTime();
      nplm.test(window, BenchModels.options(nd));
      seconds[w] = (System.nanoTime() - start) / 1e9;
    }
    Arrays.sort(seconds);
    return new PipelineFigures.Nplm(
        nplm.referenceSize(),
        nplm.hyperParameters().centres(),
        nplm.rank(),
        nd,
        nplm.prepareSeconds(),
        PipelineFigures.quantile(seconds, 0.5),
        NPLM_WINDOWS,
        nplm.nuisanceNames());
  }

  /** Events of every stream evenly spaced in time, windowEvents per window, round robin. */
  private double preload(String bootstrap, String topic, PipelineEvents events, Duration window) {
    int streams = settings.streams();
    long perStream = settings.events() / streams;
    long spacing = window.toNanos() / settings.windowEvents();
    long windowsPerStream = (perStream + settings.windowEvents() - 1) / settings.windowEvents();
    long now = System.currentTimeMillis() * 1_000_000L;
    long start = now - now % window.toNanos() - windowsPerStream * window.toNanos();
    long start0 = System.nanoTime();
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            PacedProducer.config(bootstrap),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      long sent = 0;
      for (long i = 0; sent < settings.events(); i++) {
        for (int s = 0; s < streams && sent < settings.events(); s++, sent++) {
          int partition = (int) (i % settings.parallelism());
          producer.send(
              new ProducerRecord<>(
                  topic, partition, null, events.encode(s, i, start + i * spacing)));
        }
      }
      producer.flush();
    }
    return (System.nanoTime() - start0) / 1e9;
  }

  private PipelineFigures.Throughput rawConsume(String bootstrap, String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
    long start = System.nanoTime();
    long first = 0;
    long firstCpu = 0;
    long count = 0;
    long bytes = 0;
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
      while (count < settings.events() && System.nanoTime() < deadline) {
        ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(200));
        if (first == 0 && !batch.isEmpty()) {
          first = System.nanoTime();
          firstCpu = FirstRecordClock.processCpuNanos();
        }
        for (var r : batch) {
          bytes += r.value().length;
          count++;
        }
      }
    }
    say("    %.1f bytes per encoded event", (double) bytes / Math.max(1, count));
    long end = System.nanoTime();
    return new PipelineFigures.Throughput(
        count,
        (end - first) / 1e9,
        (first - start) / 1e9,
        (FirstRecordClock.processCpuNanos() - firstCpu) / 1e9);
  }

  private PipelineFigures.Throughput trivialJob(String bootstrap, String topic, Duration window)
      throws Exception {
    FirstRecordClock.reset();
    long start = System.nanoTime();
    var result =
        new WindowCountJob(
                boundedSource(bootstrap, topic),
                window,
                settings.outOfOrderness(),
                settings.checkpointInterval())
            .execute(environment());
    long end = System.nanoTime();
    long counted = result.<Long>getAccumulatorResult(WindowCountJob.COUNTED);
    if (counted != settings.events()) {
      say("    warning: the trivial job counted %d of %d events", counted, settings.events());
    }
    long cpu = FirstRecordClock.processCpuNanos() - FirstRecordClock.firstCpuNanos();
    long first = FirstRecordClock.firstNanos();
    return new PipelineFigures.Throughput(
        counted, (end - first) / 1e9, (first - start) / 1e9, cpu / 1e9);
  }

  private PipelineFigures.Throughput monitorJob(
      String bootstrap, String topic, String results, Path models, Duration window)
      throws Exception {
    MonitorSettings monitorSettings =
        monitorSettings(models, window, settings.windowDileptons() / (window.toNanos() / 1e9));
    FirstRecordClock.reset();
    long start = System.nanoTime();
    new MonitorJob(
            boundedSource(bootstrap, topic),
            MonitorJob.resultsSink(bootstrap, results),
            MonitorJob.deadLetterSink(bootstrap, "bench.dlq"),
            monitorSettings)
        .execute(environment());
    long end = System.nanoTime();
    long cpu = FirstRecordClock.processCpuNanos() - FirstRecordClock.firstCpuNanos();
    long first = FirstRecordClock.firstNanos();
    return new PipelineFigures.Throughput(
        settings.events(), (end - first) / 1e9, (first - start) / 1e9, cpu / 1e9);
  }

  private MonitorSettings monitorSettings(Path models, Duration window, double dileptonRateHz) {
    return monitorSettings(models, window, dileptonRateHz, settings.checkpointInterval());
  }

  private MonitorSettings monitorSettings(
      Path models, Duration window, double dileptonRateHz, Duration checkpointInterval) {
    return MonitorSettings.defaults(models.toString())
        .withWindow(window)
        .withAllowedLateness(Duration.ZERO)
        .withOutOfOrderness(settings.outOfOrderness())
        .withExpectedRate(dileptonRateHz)
        .withCheckpointInterval(checkpointInterval)
        .withWatermarkInterval(settings.watermarkInterval());
  }

  /**
   * The live run: the monitor on an unbounded source while events are produced in real time, first
   * at half the sustainable rate (latency), then, if asked, at twice it (backpressure).
   */
  private PipelineFigures.Live live(
      KafkaBroker broker, Path models, PipelineEvents events, double sustainable) throws Exception {
    String bootstrap = broker.bootstrapServers();
    String topic = "bench.live.events";
    String results = "bench.live.results";
    broker.createTopic(topic, settings.parallelism());
    broker.createTopic(results, 1);
    double rate = sustainable / 2;
    // Window length such that a live window holds as many events as a pre-loaded one, but short
    // enough for at least three windows in the latency stage (fewer events per window then).
    long windowMillis =
        Math.max(
            500,
            Math.min(
                settings.liveDuration().toMillis() / 3,
                Math.round(1000.0 * settings.windowEvents() * settings.streams() / rate)));
    Duration window = Duration.ofMillis(windowMillis);
    double dileptonRate = rate / settings.streams() * settings.dileptonFraction();
    String group = "bench-live-" + UUID.randomUUID();
    KafkaSource<RawRecord> source =
        KafkaSource.<RawRecord>builder()
            .setBootstrapServers(bootstrap)
            .setTopics(topic)
            .setGroupId(group)
            .setStartingOffsets(OffsetsInitializer.earliest())
            .setDeserializer(new FirstRecordClock())
            .build();
    StreamExecutionEnvironment env = environment();
    new MonitorJob(
            source,
            MonitorJob.resultsSink(bootstrap, results),
            MonitorJob.deadLetterSink(bootstrap, "bench.dlq"),
            monitorSettings(models, window, dileptonRate, settings.latencyCheckpointInterval()))
        .build(env);
    say(
        "Live run: window %d ms, %.0f events/s then %s",
        windowMillis,
        rate,
        settings.backpressure() ? String.format("%.0f events/s", 2 * sustainable) : "stop");
    List<WindowTimings.Timing> timings = Collections.synchronizedList(new ArrayList<>());
    WindowTimings.listen(timings::add);
    JobClient job = env.executeAsync("trigmon-bench-live");
    try (ResultsWatcher watcher = new ResultsWatcher(bootstrap, results);
        PacedProducer producer =
            new PacedProducer(bootstrap, topic, settings.parallelism(), events, window);
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        LagSampler lag = new LagSampler(admin, topic, group)) {
      awaitRunning(job);
      long latencyStart = System.currentTimeMillis();
      PacedProducer.Stage latency = producer.run(rate, settings.liveDuration());
      long latencyEnd = System.currentTimeMillis();
      say(
          "    latency stage: %d events at %.0f events/s",
          latency.events(), latency.achievedRate());
      PacedProducer.Stage overload = null;
      if (settings.backpressure()) {
        overload = producer.run(2 * sustainable, settings.backpressureDuration());
        say(
            "    overload stage: %d events at %.0f events/s",
            overload.events(), overload.achievedRate());
      }
      long productionEnd = System.currentTimeMillis();
      producer.closeWindows(window.multipliedBy(2).plus(settings.outOfOrderness()));
      Map<String, Long> sent = producer.sentPerWindow();
      Duration timeout =
          Duration.ofSeconds(60).plus(settings.backpressureDuration().multipliedBy(3));
      watcher.await(sent.size(), timeout);
      double drain = lag.awaitZero(productionEnd, timeout);
      List<ResultsWatcher.Seen> seen = watcher.seen();
      Map<String, ResultsWatcher.Seen> byKey = new HashMap<>();
      seen.forEach(r -> byKey.put(PacedProducer.key(r.stream(), r.windowStart()), r));
      int reported = 0;
      int matching = 0;
      long counted = 0;
      long lastVisible = productionEnd;
      for (Map.Entry<String, Long> e : sent.entrySet()) {
        ResultsWatcher.Seen r = byKey.get(e.getKey());
        if (r != null) {
          reported++;
          counted += r.events();
          matching += r.events() == e.getValue() ? 1 : 0;
          lastVisible = Math.max(lastVisible, r.visibleMillis());
        }
      }
      long ooo = settings.outOfOrderness().toMillis();
      double[] latencyMillis = latencies(seen, latencyStart, latencyEnd, windowMillis, ooo);
      double[] overloadMillis =
          overload == null
              ? new double[0]
              : latencies(seen, latencyEnd, productionEnd, windowMillis, ooo);
      long produced = sent.values().stream().mapToLong(Long::longValue).sum();
      return new PipelineFigures.Live(
          windowMillis,
          latency,
          overload,
          latencyMillis,
          latencyParts(seen, List.copyOf(timings), latencyStart, latencyEnd, ooo),
          overloadMillis,
          sent.size(),
          reported,
          matching,
          produced,
          counted,
          lag.peak(),
          drain,
          (lastVisible - productionEnd) / 1e3,
          producer.failed());
    } finally {
      job.cancel().get();
      WindowTimings.stop();
    }
  }

  /**
   * The latency of the full windows inside [from, to) taken apart with the job's own milestones
   * ({@link WindowTimings}): watermark and firing, the NPLM test, the wait for the next checkpoint
   * barrier, the checkpoint, the commit and the reader's poll.
   */
  private static PipelineFigures.LatencyParts latencyParts(
      List<ResultsWatcher.Seen> seen,
      List<WindowTimings.Timing> timings,
      long from,
      long to,
      long ooo) {
    Map<String, WindowTimings.Timing> byKey = new HashMap<>();
    timings.forEach(t -> byKey.put(PacedProducer.key(t.stream(), t.windowStartMillis()), t));
    List<double[]> parts = new ArrayList<>();
    for (ResultsWatcher.Seen r : seen) {
      WindowTimings.Timing t = byKey.get(PacedProducer.key(r.stream(), r.windowStart()));
      if (t != null && r.windowStart() >= from && r.windowEnd() <= to) {
        parts.add(
            new double[] {
              t.testStartMillis() - (r.windowEnd() + ooo),
              t.testNanos() / 1e6,
              t.barrierMillis() - t.emittedMillis(),
              t.checkpointedMillis() - t.barrierMillis(),
              r.visibleMillis() - t.checkpointedMillis()
            });
      }
    }
    return PipelineFigures.LatencyParts.of(parts);
  }

  /** Latency (visible − (window end + out-of-orderness)) of the full windows inside [from, to). */
  private static double[] latencies(
      List<ResultsWatcher.Seen> seen, long from, long to, long windowMillis, long ooo) {
    return seen.stream()
        .filter(r -> r.windowStart() >= from && r.windowEnd() <= to)
        .mapToDouble(r -> r.visibleMillis() - (r.windowEnd() + ooo))
        .sorted()
        .toArray();
  }

  private static void awaitRunning(JobClient job) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (job.getJobStatus().get() != JobStatus.RUNNING && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    // The tasks open (and prepare the NPLM reference) once running; give them a moment.
    Thread.sleep(3_000);
  }

  private KafkaSource<RawRecord> boundedSource(String bootstrap, String topic) {
    return KafkaSource.<RawRecord>builder()
        .setBootstrapServers(bootstrap)
        .setTopics(topic)
        .setGroupId("bench-" + UUID.randomUUID())
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setBounded(OffsetsInitializer.latest())
        .setDeserializer(new FirstRecordClock())
        .build();
  }

  private StreamExecutionEnvironment environment() {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(settings.parallelism());
    return env;
  }

  private void say(String format, Object... args) {
    log.println(String.format(java.util.Locale.ROOT, format, args));
    log.flush();
  }

  /**
   * Samples the consumer lag of the live job (end offsets − offsets committed at checkpoints) on
   * its own thread.
   */
  private static final class LagSampler implements AutoCloseable {
    private final Admin admin;
    private final String topic;
    private final String group;
    private final AtomicLong peak = new AtomicLong();
    private final List<long[]> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    LagSampler(Admin admin, String topic, String group) {
      this.admin = admin;
      this.topic = topic;
      this.group = group;
      thread = new Thread(this::sample, "bench-lag-sampler");
      thread.setDaemon(true);
      thread.start();
    }

    private void sample() {
      while (running) {
        try {
          long lag = lag();
          peak.accumulateAndGet(lag, Math::max);
          synchronized (samples) {
            samples.add(new long[] {System.currentTimeMillis(), lag});
          }
          Thread.sleep(200);
        } catch (InterruptedException e) {
          return;
        } catch (Exception e) {
          // The group has no committed offsets before the first checkpoint: try again.
          try {
            Thread.sleep(200);
          } catch (InterruptedException ie) {
            return;
          }
        }
      }
    }

    private long lag() throws Exception {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin
          .describeTopics(List.of(topic))
          .allTopicNames()
          .get()
          .get(topic)
          .partitions()
          .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
          admin.listOffsets(latest).all().get();
      long lag = 0;
      for (var e : ends.entrySet()) {
        OffsetAndMetadata c = committed.get(e.getKey());
        lag += e.getValue().offset() - (c == null ? 0 : c.offset());
      }
      return lag;
    }

    long peak() {
      return peak.get();
    }

    /** Seconds from {@code fromMillis} to the first zero-lag sample after it, NaN if none. */
    double awaitZero(long fromMillis, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        synchronized (samples) {
          for (long[] s : samples) {
            if (s[0] > fromMillis && s[1] == 0) {
              return (s[0] - fromMillis) / 1e3;
            }
          }
        }
        Thread.sleep(100);
      }
      return Double.NaN;
    }

    @Override
    public void close() throws InterruptedException {
      running = false;
      thread.interrupt();
      thread.join(5_000);
    }
  }
}
