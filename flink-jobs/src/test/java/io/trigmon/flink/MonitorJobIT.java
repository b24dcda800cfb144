package io.trigmon.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trigmon.broker.KafkaBroker;
import io.trigmon.broker.KafkaBrokerExtension;
import io.trigmon.event.Event;
import io.trigmon.event.EventCodec;
import io.trigmon.flink.records.DeadLetterSerializationSchema;
import io.trigmon.flink.records.RawRecord;
import io.trigmon.flink.records.RawRecordDeserializationSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitor job end to end: a real Kafka broker (child JVM) and a 2-slot MiniCluster, a simulated
 * Drell–Yan stream of 12 windows with a Z′ → μμ excess (300 GeV) injected in windows 5–7 (indices
 * 4–6), exactly-once results read back with {@code read_committed}.
 *
 * <p><b>How the numbers were chosen.</b> Windows of 10 s with N_D = 1000 selected dimuon events
 * (M12 &gt; 100 GeV), reference N_R = 10 000 (N_R/N_D = 10), σ, M = ⌈√N_R⌉ = 100 and λ by the
 * published protocol; the shape-only calibration is 100 null toys of 1000 events resampled from an
 * independent DY pool of 40 000 events (fitted χ² dof ≈ 77; χ² tail beyond the toys). Sizes were
 * set by test time (the whole IT takes about two minutes on two shared cores), then the signal: a
 * probe with 80 Z′ events per window (8 %) gave Z ≈ 7.6–9.4 — too easy to be a fair test — so 50 (5
 * %) was chosen, which gives Z = 6.1, 5.6 and 3.3 in windows 5–7 and Z between −1.6 and 1.5 in the
 * nine background windows for these seeds: the excess windows pass Z ≥ 3 but not by a wide margin,
 * and a background window at Z ≥ 2 would be a 2.3 % fluctuation. For scale: the kernel test's power
 * for N(S) = 30 on N(0) = 2·10⁴ is 13 % at Z ≥ 3 (Letizia et al., Table 1); here S/B is about 5/100
 * instead of 0.15/100. The background windows' t agree to all printed digits with the same windows
 * tested directly with {@code KernelNplm} outside Flink.
 */
@ExtendWith(KafkaBrokerExtension.class)
class MonitorJobIT {

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  static final MonitorScenario SCENARIO =
      new MonitorScenario(12, 1000, Duration.ofSeconds(10), List.of(4, 5, 6), 50, 10_000, 100);

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path models;

  private static KafkaBroker kafka;
  private static final List<List<Event>> windows = new ArrayList<>();

  @BeforeAll
  static void writeModelsAndEvents(KafkaBroker broker) {
    kafka = broker;
    SCENARIO.writeModels(models);
    TestAutoencoder.small().save(models.resolve(MonitorModels.AUTOENCODER), "ae-it");
    for (int i = 0; i < SCENARIO.windows(); i++) {
      windows.add(SCENARIO.windowEvents(i));
    }
  }

  @Test
  void excessWindowsStandOutAndEveryWindowIsReportedOnce() throws Exception {
    String events = topic("events", 2);
    List<byte[]> records = new ArrayList<>();
    windows.forEach(w -> w.forEach(e -> records.add(EventCodec.encode(e))));
    records.add(500, new byte[] {1, 2, 3}); // a poison pill in the middle of window 0
    produce(events, records);

    Run run = runJob(events);

    assertThat(run.results()).hasSize(SCENARIO.windows());
    List<Integer> signal = SCENARIO.signalWindows();
    for (int i = 0; i < SCENARIO.windows(); i++) {
      JsonNode window = run.results().get(i);
      assertThat(window.get("n_data").asInt()).as("window %d", i).isEqualTo(1000);
      assertThat(window.get("ae_score_quantiles").get("q99").asDouble())
          .isGreaterThanOrEqualTo(window.get("ae_score_quantiles").get("q50").asDouble());
      assertThat(window.get("model_versions").get("autoencoder").asText()).isEqualTo("ae-it");
      double z = window.get("z").asDouble();
      System.out.printf(
          "window %d t=%.2f Z=%.2f excess_m12=%s%n",
          i, window.get("t").asDouble(), z, window.get("excess_m12"));
      if (signal.contains(i)) {
        assertThat(z).as("Z of signal window %d", i).isGreaterThanOrEqualTo(3);
        assertThat(window.get("excess_m12").asDouble()).as("excess M12").isBetween(250.0, 350.0);
      } else {
        assertThat(z).as("Z of background window %d", i).isLessThan(2);
      }
    }
    assertThat(run.deadLetterReasons()).containsExactly("bad_magic");
    // The MiniCluster runs in this JVM: its tasks recorded into this registry.
    assertThat(MonitorMetrics.registry().scrape())
        .contains("trigmon_window_z{stream=\"" + MonitorScenario.STREAM + "\"}")
        .contains("trigmon_events_total{stream=\"" + MonitorScenario.STREAM + "\"}")
        .contains("trigmon_ae_score_count{stream=\"" + MonitorScenario.STREAM + "\"}");
  }

  /**
   * Replay speed cannot change an event-time job's results, but the arrival order can (windows are
   * sums over events): the same recorded stream replayed once in time order on one partition and
   * once shuffled (events displaced by up to 1 s, well inside the 2 s out-of-orderness) over two
   * partitions gives the same result, bit for bit, window by window.
   */
  @Test
  void replayOrderDoesNotChangeResults() throws Exception {
    List<byte[]> inOrder = new ArrayList<>();
    windows.forEach(w -> w.forEach(e -> inOrder.add(EventCodec.encode(e))));
    String ordered = topic("ordered", 1);
    produce(ordered, inOrder);

    List<Event> all = new ArrayList<>();
    windows.forEach(all::addAll);
    Random random = new Random(5);
    List<long[]> keys = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      keys.add(new long[] {all.get(i).eventTimeNanos() + random.nextInt(1_000_000_000), i});
    }
    keys.sort((a, b) -> Long.compare(a[0], b[0]));
    List<byte[]> shuffled = new ArrayList<>();
    keys.forEach(k -> shuffled.add(EventCodec.encode(all.get((int) k[1]))));
    String jittered = topic("shuffled", 2);
    produce(jittered, shuffled);

    List<JsonNode> first = runJob(ordered).results();
    List<JsonNode> second = runJob(jittered).results();
    assertThat(first).hasSize(SCENARIO.windows());
    assertThat(second).isEqualTo(first);
  }

  private record Run(List<JsonNode> results, List<String> deadLetterReasons) {}

  private Run runJob(String eventsTopic) throws Exception {
    String results = topic("results", 1);
    String deadLetters = topic("dlq", 1);
    KafkaSource<RawRecord> source =
        KafkaSource.<RawRecord>builder()
            .setBootstrapServers(kafka.bootstrapServers())
            .setTopics(eventsTopic)
            .setGroupId("monitor-it-" + UUID.randomUUID())
            .setStartingOffsets(OffsetsInitializer.earliest())
            .setBounded(OffsetsInitializer.latest())
            .setDeserializer(new RawRecordDeserializationSchema())
            .build();
    MonitorSettings settings =
        MonitorSettings.defaults(models.toString())
            .withWindow(SCENARIO.window())
            .withCheckpointInterval(Duration.ofSeconds(1));
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.GENERIC_TYPES, false); // disableGenericTypes(): no silent Kryo
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    new MonitorJob(
            source,
            MonitorJob.resultsSink(kafka.bootstrapServers(), results),
            MonitorJob.deadLetterSink(kafka.bootstrapServers(), deadLetters),
            settings)
        .execute(env);

    Map<String, JsonNode> byId = new LinkedHashMap<>();
    List<String> ids = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : readCommitted(results, SCENARIO.windows())) {
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

  private String topic(String name, int partitions) {
    String topic = "monitor-it-" + name + "-" + UUID.randomUUID();
    kafka.createTopic(topic, partitions);
    return topic;
  }

  private void produce(String topic, List<byte[]> values) {
    TestKafka.produce(kafka.bootstrapServers(), topic, values);
  }

  /** Every committed record of a topic (all of it is committed once the job has finished). */
  private List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic, int atLeast) {
    return TestKafka.readCommitted(
        kafka.bootstrapServers(), topic, atLeast, Duration.ofSeconds(30));
  }
}
