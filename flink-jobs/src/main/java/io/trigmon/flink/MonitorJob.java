package io.trigmon.flink;

import io.trigmon.flink.functions.AccumulateWindow;
import io.trigmon.flink.functions.ByStream;
import io.trigmon.flink.functions.CollectWindow;
import io.trigmon.flink.functions.CountLateEvents;
import io.trigmon.flink.functions.DecodeAndScore;
import io.trigmon.flink.functions.EventTimestamp;
import io.trigmon.flink.functions.ExpectedCountJoin;
import io.trigmon.flink.functions.FireOnceAfterLateness;
import io.trigmon.flink.functions.NplmWindowTest;
import io.trigmon.flink.functions.ParseLuminosity;
import io.trigmon.flink.records.DeadLetter;
import io.trigmon.flink.records.DeadLetterSerializationSchema;
import io.trigmon.flink.records.Luminosity;
import io.trigmon.flink.records.RawRecord;
import io.trigmon.flink.records.RawRecordDeserializationSchema;
import io.trigmon.flink.records.ScoredEvent;
import io.trigmon.flink.records.ScoredEventSerializer;
import io.trigmon.flink.records.WindowAccumulatorSerializer;
import io.trigmon.flink.records.WindowResult;
import io.trigmon.flink.records.WindowResultSerializationSchema;
import io.trigmon.flink.records.WindowResultTypeInfoFactory;
import io.trigmon.flink.records.WindowSample;
import io.trigmon.flink.records.WindowSampleTypeInfoFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.OutputTag;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * The monitor job (DESIGN §1, §6): valid events → event time and watermarks → per-stream tumbling
 * event-time windows → kernel NPLM test of each window against the reference → one {@link
 * WindowResult} per window to the results sink; records that cannot be used go to the dead-letter
 * sink. With a luminosity source each closed window is first joined, in event time, with its
 * stream's expected counts ({@link ExpectedCountJoin}) for its N(R0). The constructor takes the
 * I/O, so tests run the real pipeline on any source and sink; {@link #main(String[])} only chooses
 * the production Kafka topics.
 *
 * <p>Watermarks are generated right after decoding (the event time is inside the record), per
 * source subtask, with the configured out-of-orderness and idleness. Each window fires once, when
 * the watermark passes its end plus the allowed lateness ({@link FireOnceAfterLateness}), so each
 * window id appears once on an exactly-once results sink, also after a restart from a checkpoint.
 *
 * <p>The job runs with object reuse: a record passed to a chained operator is handed over as it is,
 * not first copied by its serializer. No operator of this job changes a record it was given or has
 * emitted (each emits new objects; window state holds accumulators, not events), and the one that
 * keeps records ({@link ExpectedCountJoin}, in keyed state) receives them over the network, as
 * objects of their own. So the copies bought nothing; they cost ~3 % of the monitor's CPU (issue 8
 * profile: every raw record copied field by field through reflection at the source, every scored
 * event copied before the event-time operator, every window sample before the test).
 */
public final class MonitorJob {

  /** Consumer group and transactional-id prefix of the production job. */
  public static final String NAME = "trigmon-monitor";

  /** Kafka's broker-side maximum transaction timeout (DESIGN §8: the sink must not exceed it). */
  static final String TRANSACTION_TIMEOUT_MS = "900000";

  /**
   * Longest time (ms) the timed events and watermarks wait in a partly filled network buffer on
   * their way to the window operator. Flink's default, 100 ms, let the watermark that closes a
   * window wait up to that long when the stream is slow to fill a 32 KB buffer (issue 8: part of
   * the window end → test start delay); at high rates buffers fill sooner than this anyway.
   */
  static final long EVENT_BUFFER_TIMEOUT_MILLIS = 10;

  /** Events that reached the window stage after their window closed ({@link CountLateEvents}). */
  public static final OutputTag<ScoredEvent> LATE_EVENTS =
      new OutputTag<>("late-events", ScoredEventSerializer.typeInfo());

  /** Topic of the expected counts per stream and interval ({@link Luminosity}). */
  public static final String LUMINOSITY_TOPIC = "monitor.luminosity";

  private final Source<RawRecord, ?, ?> source;
  private final Source<RawRecord, ?, ?> luminosity;
  private final Sink<WindowResult> results;
  private final Sink<DeadLetter> deadLetters;
  private final MonitorSettings settings;

  /** A job whose windows expect the configured rate, or none (shape-only). */
  public MonitorJob(
      Source<RawRecord, ?, ?> source,
      Sink<WindowResult> results,
      Sink<DeadLetter> deadLetters,
      MonitorSettings settings) {
    this(source, null, results, deadLetters, settings);
  }

  /**
   * A job whose windows take their expected count N(R0) from {@code luminosity} records (JSON
   * {@link Luminosity}), falling back to the configured rate, then to shape-only.
   *
   * @param luminosity source of {@code monitor.luminosity}, or null for none
   */
  public MonitorJob(
      Source<RawRecord, ?, ?> source,
      Source<RawRecord, ?, ?> luminosity,
      Sink<WindowResult> results,
      Sink<DeadLetter> deadLetters,
      MonitorSettings settings) {
    this.source = source;
    this.luminosity = luminosity;
    this.results = results;
    this.deadLetters = deadLetters;
    this.settings = settings;
  }

  /** Wires the pipeline into {@code env} and runs it (blocking until a bounded source ends). */
  public JobExecutionResult execute(StreamExecutionEnvironment env) throws Exception {
    build(env);
    return env.execute(NAME);
  }

  /**
   * A local run (demo, {@code trigmon monitor} without a cluster, benchmarks) with no checkpoint
   * directory configured would keep its checkpoints in the JobManager's memory, which refuses state
   * above 5 MB: a few windows of 10⁴ events already exceed it, every checkpoint then fails and
   * exactly-once results stall. Such runs checkpoint to a temporary directory instead. A cluster
   * brings its own {@code execution.checkpointing.dir} (deploy/local/flink-cluster.sh).
   */
  private static void useLocalCheckpointDirectory(StreamExecutionEnvironment env) {
    if (!(env instanceof LocalStreamEnvironment)
        || env.getConfiguration()
            .getOptional(CheckpointingOptions.CHECKPOINTS_DIRECTORY)
            .isPresent()) {
      return;
    }
    try {
      Path dir = Files.createTempDirectory("trigmon-checkpoints");
      Configuration storage = new Configuration();
      storage.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
      storage.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.toUri().toString());
      env.configure(storage);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a local checkpoint directory", e);
    }
  }

  /** Wires the pipeline into {@code env} without running it. */
  public void build(StreamExecutionEnvironment env) {
    env.enableCheckpointing(
        settings.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
    useLocalCheckpointDirectory(env);
    env.getConfig().setAutoWatermarkInterval(settings.watermarkInterval().toMillis());
    env.getConfig().enableObjectReuse(); // see the class comment

    SingleOutputStreamOperator<ScoredEvent> decoded =
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "events")
            .uid("events-source")
            .transform(
                "decode, validate and score",
                ScoredEventSerializer.typeInfo(),
                new DecodeAndScore(settings.models()))
            .uid("decode");
    DataStream<DeadLetter> rejected = decoded.getSideOutput(DecodeAndScore.DEAD_LETTERS);

    DataStream<ScoredEvent> timed =
        decoded
            .assignTimestampsAndWatermarks(
                WatermarkStrategy.<ScoredEvent>forBoundedOutOfOrderness(settings.outOfOrderness())
                    .withTimestampAssigner(new EventTimestamp())
                    .withIdleness(settings.idleness()))
            .name("event time")
            .uid("event-time")
            .setBufferTimeout(EVENT_BUFFER_TIMEOUT_MILLIS);

    SingleOutputStreamOperator<WindowSample> windowed = windows(timed, settings);
    windowed
        .getSideOutput(LATE_EVENTS)
        .sinkTo(new CountLateEvents())
        .name("late events")
        .uid("late-events");
    DataStream<WindowSample> windows = windowed;

    if (luminosity != null) {
      SingleOutputStreamOperator<Luminosity> counts =
          env.fromSource(luminosity, WatermarkStrategy.noWatermarks(), "luminosity")
              .uid("luminosity-source")
              .process(new ParseLuminosity())
              .name("parse luminosity")
              .uid("parse-luminosity");
      rejected = rejected.union(counts.getSideOutput(ParseLuminosity.DEAD_LETTERS));
      windows =
          windows
              .keyBy(WindowSample::stream, Types.STRING)
              .connect(
                  counts
                      .assignTimestampsAndWatermarks(
                          WatermarkStrategy.<Luminosity>forBoundedOutOfOrderness(
                                  settings.outOfOrderness())
                              .withTimestampAssigner((record, ts) -> record.startMillis())
                              .withIdleness(settings.idleness()))
                      .name("luminosity time")
                      .uid("luminosity-time")
                      .keyBy(Luminosity::stream, Types.STRING))
              .process(new ExpectedCountJoin(), WindowSampleTypeInfoFactory.typeInfo())
              .name("expected count")
              .uid("expected-count");
    }

    rejected.sinkTo(deadLetters).name("dead letters").uid("dead-letter-sink");
    windows
        .map(new NplmWindowTest(settings), WindowResultTypeInfoFactory.typeInfo())
        .name("NPLM window test")
        .uid("nplm-window-test")
        .sinkTo(results)
        .name("window results")
        .uid("results-sink");
  }

  /**
   * The window stage: per-stream tumbling event-time windows of {@code timed} events, each filled
   * incrementally ({@link AccumulateWindow}: the state is the count, the lepton pairs and the
   * scores, not the events) and closed once, when the watermark passes its end plus the allowed
   * lateness, into its {@link WindowSample} ({@link CollectWindow}); events that arrive after that
   * go to the {@link #LATE_EVENTS} side output.
   */
  public static SingleOutputStreamOperator<WindowSample> windows(
      DataStream<ScoredEvent> timed, MonitorSettings settings) {
    Duration lateness = settings.allowedLateness();
    return timed
        .keyBy(new ByStream())
        .window(TumblingEventTimeWindows.of(settings.window()))
        .allowedLateness(lateness)
        .trigger(new FireOnceAfterLateness(lateness.toMillis()))
        .sideOutputLateData(LATE_EVENTS)
        .aggregate(
            new AccumulateWindow(),
            new CollectWindow(),
            WindowAccumulatorSerializer.typeInfo(),
            WindowAccumulatorSerializer.typeInfo(),
            WindowSampleTypeInfoFactory.typeInfo())
        .name("event-time windows")
        .uid("windows");
  }

  /**
   * Unbounded source on {@code topic}: after a restart from a checkpoint the checkpointed offsets;
   * on a fresh start the group's committed offsets (committed at checkpoints), earliest when none.
   */
  public static KafkaSource<RawRecord> kafkaSource(String bootstrap, String topic) {
    return kafkaSource(bootstrap, topic, NAME);
  }

  /** As {@link #kafkaSource(String, String)}, in consumer group {@code group}. */
  public static KafkaSource<RawRecord> kafkaSource(String bootstrap, String topic, String group) {
    return KafkaSource.<RawRecord>builder()
        .setBootstrapServers(bootstrap)
        .setTopics(topic)
        .setGroupId(group)
        .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
        .setDeserializer(new RawRecordDeserializationSchema())
        .build();
  }

  /** Exactly-once sink of window results to {@code topic}. */
  public static KafkaSink<WindowResult> resultsSink(String bootstrap, String topic) {
    return resultsSink(bootstrap, topic, NAME);
  }

  /** As {@link #resultsSink(String, String)}, with transactional ids {@code group-results-*}. */
  public static KafkaSink<WindowResult> resultsSink(String bootstrap, String topic, String group) {
    return KafkaSink.<WindowResult>builder()
        .setBootstrapServers(bootstrap)
        .setRecordSerializer(new WindowResultSerializationSchema(topic))
        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .setTransactionalIdPrefix(group + "-results")
        .setProperty("transaction.timeout.ms", TRANSACTION_TIMEOUT_MS)
        .build();
  }

  /** Exactly-once sink of dead letters to {@code topic}. */
  public static KafkaSink<DeadLetter> deadLetterSink(String bootstrap, String topic) {
    return deadLetterSink(bootstrap, topic, NAME);
  }

  /** As {@link #deadLetterSink(String, String)}, with transactional ids {@code group-dlq-*}. */
  public static KafkaSink<DeadLetter> deadLetterSink(String bootstrap, String topic, String group) {
    return KafkaSink.<DeadLetter>builder()
        .setBootstrapServers(bootstrap)
        .setRecordSerializer(new DeadLetterSerializationSchema(topic))
        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .setTransactionalIdPrefix(group + "-dlq")
        .setProperty("transaction.timeout.ms", TRANSACTION_TIMEOUT_MS)
        .build();
  }

  /**
   * {@code MonitorJob --bootstrap HOST:PORT --models DIR [--window PT23.311S] [--luminosity
   * monitor.luminosity] ...} (see {@link MonitorArguments}); the entry point of the job jar on a
   * cluster.
   */
  public static void main(String[] args) throws Exception {
    MonitorArguments arguments = MonitorArguments.parse(args);
    MonitorSettings settings = arguments.settings();
    String bootstrap = arguments.bootstrap();
    String group = arguments.group();
    new MonitorJob(
            kafkaSource(bootstrap, arguments.eventsTopic(), group),
            arguments.luminosityTopic() == null
                ? null
                : kafkaSource(bootstrap, arguments.luminosityTopic(), group + "-luminosity"),
            resultsSink(bootstrap, arguments.resultsTopic(), group),
            deadLetterSink(bootstrap, "events.dlq", group),
            settings)
        .execute(environment(arguments));
  }

  /**
   * The environment of a submitted job: where its TaskManagers serve {@code /metrics}, if asked.
   */
  private static StreamExecutionEnvironment environment(MonitorArguments arguments) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    if (arguments.metricsPort() != null) {
      Configuration parameters = new Configuration();
      parameters.setString(MonitorMetrics.PORT_PARAMETER, arguments.metricsPort().toString());
      parameters.setString(MonitorMetrics.HOST_PARAMETER, arguments.metricsHost());
      env.getConfig().setGlobalJobParameters(parameters);
    }
    return env;
  }
}
