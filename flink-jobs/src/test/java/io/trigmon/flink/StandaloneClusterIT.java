package io.trigmon.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trigmon.broker.KafkaBroker;
import io.trigmon.broker.KafkaBrokerExtension;
import io.trigmon.broker.TrigmonTopics;
import io.trigmon.event.Event;
import io.trigmon.event.EventCodec;
import io.trigmon.flink.cluster.FlinkRestClient;
import io.trigmon.flink.cluster.StandaloneCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitor job on a real multi-process standalone cluster ({@code
 * deploy/local/flink-cluster.sh}: a JobManager and two TaskManagers of one slot each, every one its
 * own JVM), submitted as the shaded job jar over REST at parallelism 2, reading a real broker.
 * Mid-run one TaskManager is killed with SIGKILL and a replacement is started; the job must restart
 * from its latest checkpoint and every window must appear exactly once on the results topic ({@code
 * read_committed}) with all its events.
 *
 * <p>The stream is produced while the job runs, one 10 s window (in event time) at a time, so the
 * kill falls between windows already reported and windows still to come. With one slot per
 * TaskManager both hold a subtask, so the kill always hits the job (checked: it restarted, and its
 * checkpoint statistics show a restore).
 */
@ExtendWith(KafkaBrokerExtension.class)
class StandaloneClusterIT {

  /**
   * 10 windows of 500 dimuon events, no signal; a small reference (the NPLM test is not the point).
   */
  private static final MonitorScenario SCENARIO =
      new MonitorScenario(10, 500, Duration.ofSeconds(10), List.of(), 0, 5_000, 0);

  /** The TaskManager is killed once the results of this many windows are committed. */
  private static final int KILL_AFTER_RESULTS = 3;

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void jobRecoversFromItsCheckpointWhenATaskManagerDies(KafkaBroker kafka) throws Exception {
    Path models = dir.resolve("models");
    // Under target/, so the cluster's logs outlive a failed run.
    Path state = Path.of("target", "standalone-cluster-it", UUID.randomUUID().toString());
    SCENARIO.writeReference(models);
    String results = "cluster-it-results-" + UUID.randomUUID();
    kafka.createTopic(results, 1);
    Path home = StandaloneCluster.home();

    try (StandaloneCluster flink = StandaloneCluster.start(home, state, 2, 1);
        KafkaProducer<byte[], byte[]> producer = TestKafka.producer(kafka.bootstrapServers())) {
      FlinkRestClient rest = flink.client();
      String job =
          rest.runJar(
              rest.uploadJar(StandaloneCluster.jobJar(home)),
              List.of(
                  "--bootstrap",
                  kafka.bootstrapServers(),
                  "--models",
                  models.toString(),
                  "--window",
                  SCENARIO.window().toString(),
                  "--checkpoint-interval",
                  "PT1S",
                  "--group",
                  "cluster-it-" + UUID.randomUUID(),
                  "--results-topic",
                  results),
              2);
      await("all tasks running", Duration.ofSeconds(120), () -> rest.allTasksRunning(job));

      boolean killed = false;
      for (int i = 0; i <= SCENARIO.windows(); i++) {
        // Window index SCENARIO.windows() only moves the watermark past the last window.
        TestKafka.produce(producer, TrigmonTopics.EVENTS_VALID, encoded(SCENARIO.windowEvents(i)));
        if (!killed && i >= KILL_AFTER_RESULTS + 1) {
          await(
              KILL_AFTER_RESULTS + " results committed",
              Duration.ofSeconds(90),
              () -> committed(kafka, results) >= KILL_AFTER_RESULTS);
          flink.killTaskManager(1);
          flink.addTaskManager();
          killed = true;
        }
      }

      List<ConsumerRecord<byte[], byte[]>> records =
          TestKafka.readCommitted(
              kafka.bootstrapServers(), results, SCENARIO.windows(), Duration.ofSeconds(150));
      Map<String, Integer> timesReported = new HashMap<>();
      for (ConsumerRecord<byte[], byte[]> r : records) {
        JsonNode window = JSON.readTree(r.value());
        timesReported.merge(window.get("window_id").asText(), 1, Integer::sum);
        assertThat(window.get("n_events").asInt()).as("events of %s", window).isEqualTo(500);
        assertThat(window.get("n_data").asInt()).as("tested events of %s", window).isEqualTo(500);
      }
      assertThat(timesReported).hasSize(SCENARIO.windows());
      assertThat(timesReported.values()).as("reports per window").containsOnly(1);
      assertThat(rest.failures(job)).as("failures the job recovered from").isPositive();
      JsonNode checkpoints = rest.checkpoints(job);
      assertThat(checkpoints.path("latest").path("restored").path("id").isNumber())
          .as("restored from a checkpoint: %s", checkpoints.path("latest"))
          .isTrue();
      assertThat(rest.jobState(job)).isEqualTo("RUNNING");
      rest.cancel(job);
    }
  }

  private static List<byte[]> encoded(List<Event> events) {
    List<byte[]> out = new ArrayList<>(events.size());
    events.forEach(e -> out.add(EventCodec.encode(e)));
    return out;
  }

  private static int committed(KafkaBroker kafka, String topic) {
    return TestKafka.readCommitted(kafka.bootstrapServers(), topic, 0, Duration.ofSeconds(5))
        .size();
  }

  private static void await(String what, Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      Thread.sleep(500);
    }
  }
}
