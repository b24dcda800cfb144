package io.trigmon.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trigmon.broker.KafkaBroker;
import io.trigmon.flink.records.DeadLetterSerializationSchema;
import io.trigmon.flink.records.RawRecord;
import io.trigmon.flink.records.RawRecordDeserializationSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * Runs the monitor job on a 2-slot MiniCluster against a real broker for the integration tests:
 * topics with unique names, round-robin producing, and the exactly-once results and dead letters
 * read back with {@code read_committed}, results ordered by window start and checked to carry every
 * window id once.
 */
final class MonitorHarness {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final KafkaBroker kafka;

  MonitorHarness(KafkaBroker kafka) {
    this.kafka = kafka;
  }

  /** The job's results and the reason codes of its dead letters. */
  record Run(List<JsonNode> results, List<String> deadLetterReasons) {

    /** A field of every window, in window order. */
    List<Double> field(String name) {
      return results.stream()
          .map(r -> r.get(name).isNull() ? null : r.get(name).asDouble())
          .toList();
    }
  }

  /** The MiniCluster of the integration tests: one TaskManager with two slots. */
  static MiniClusterExtension twoSlotMiniCluster() {
    return new MiniClusterExtension(
        new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());
  }

  String topic(String name, int partitions) {
    String topic = "monitor-it-" + name + "-" + UUID.randomUUID();
    kafka.createTopic(topic, partitions);
    return topic;
  }

  String bootstrap() {
    return kafka.bootstrapServers();
  }

  /**
   * Produces {@code values} round robin over the topic's partitions, so each holds every window.
   */
  void produce(String topic, List<byte[]> values) {
    TestKafka.produce(kafka.bootstrapServers(), topic, values);
  }

  KafkaProducer<byte[], byte[]> producer() {
    return TestKafka.producer(kafka.bootstrapServers());
  }

  /**
   * Idleness of a bounded run. Every split of a pre-filled topic has records until it ends (then it
   * sends the final watermark), so no split is ever legitimately idle; but a consumer request that
   * times out on a loaded machine stalls a split for Kafka's {@code request.timeout.ms} (30 s, the
   * job's default idleness): marked idle, its windows would be closed by the other split's
   * watermark and its events dropped as late.
   */
  static final Duration BOUNDED_IDLENESS = Duration.ofMinutes(10);

  /**
   * Runs the job to the end of what {@code events} (and {@code luminosity}) hold now, with {@link
   * #BOUNDED_IDLENESS}.
   */
  Run run(String events, String luminosity, MonitorSettings settings, int windows)
      throws Exception {
    String results = topic("results", 1);
    String deadLetters = topic("dlq", 1);
    job(source(events, true), luminosity == null ? null : source(luminosity, true))
        .apply(results, deadLetters, settings.withIdleness(BOUNDED_IDLENESS))
        .execute(environment());
    return read(results, deadLetters, windows);
  }

  /**
   * Starts the job on the unbounded {@code events} topic, waits for {@code windows} results, then
   * cancels it: the job reads while a replay produces.
   */
  Run runLive(String events, MonitorSettings settings, int windows, Replay replay)
      throws Exception {
    String results = topic("results", 1);
    String deadLetters = topic("dlq", 1);
    StreamExecutionEnvironment env = environment();
    job(source(events, false), null).apply(results, deadLetters, settings).build(env);
    JobClient client = env.executeAsync(MonitorJob.NAME);
    try {
      replay.run();
      return read(results, deadLetters, windows);
    } finally {
      client.cancel().get();
    }
  }

  /** What a live run produces while the job reads. */
  interface Replay {
    void run() throws Exception;
  }

  private interface JobFactory {
    MonitorJob apply(String results, String deadLetters, MonitorSettings settings);
  }

  private JobFactory job(KafkaSource<RawRecord> events, KafkaSource<RawRecord> luminosity) {
    return (results, deadLetters, settings) ->
        new MonitorJob(
            events,
            luminosity,
            MonitorJob.resultsSink(kafka.bootstrapServers(), results),
            MonitorJob.deadLetterSink(kafka.bootstrapServers(), deadLetters),
            settings);
  }

  private static StreamExecutionEnvironment environment() {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.GENERIC_TYPES, false); // disableGenericTypes(): no silent Kryo
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    return env;
  }

  private KafkaSource<RawRecord> source(String topic, boolean bounded) {
    KafkaSourceBuilder<RawRecord> builder =
        KafkaSource.<RawRecord>builder()
            .setBootstrapServers(kafka.bootstrapServers())
            .setTopics(topic)
            .setGroupId("monitor-it-" + UUID.randomUUID())
            .setStartingOffsets(OffsetsInitializer.earliest())
            .setDeserializer(new RawRecordDeserializationSchema());
    if (bounded) {
      builder.setBounded(OffsetsInitializer.latest());
    }
    return builder.build();
  }

  private Run read(String results, String deadLetters, int windows) throws IOException {
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    List<String> ids = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : readCommitted(results, windows)) {
      JsonNode node = JSON.readTree(r.value());
      ids.add(node.get("window_id").asText());
      byId.put(node.get("window_id").asText(), node);
    }
    assertThat(ids).as("window ids").doesNotHaveDuplicates();
    List<JsonNode> ordered =
        byId.values().stream()
            .sorted(
                (a, b) ->
                    Long.compare(a.get("window_start").asLong(), b.get("window_start").asLong()))
            .toList();
    List<String> reasons = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : readCommitted(deadLetters, 0)) {
      reasons.add(
          new String(
              r.headers().lastHeader(DeadLetterSerializationSchema.REASON).value(),
              StandardCharsets.UTF_8));
    }
    return new Run(ordered, reasons);
  }

  /** Every committed record of a topic, waiting up to a minute for {@code atLeast} of them. */
  private List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic, int atLeast) {
    return TestKafka.readCommitted(
        kafka.bootstrapServers(), topic, atLeast, Duration.ofSeconds(60));
  }
}
