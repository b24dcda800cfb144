package io.trigmon.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trigmon.broker.KafkaBroker;
import io.trigmon.broker.KafkaBrokerExtension;
import io.trigmon.event.Event;
import io.trigmon.event.EventCodec;
import io.trigmon.stream.replay.DumpRecord;
import io.trigmon.stream.replay.Pacer;
import io.trigmon.stream.replay.ReplayProgress;
import io.trigmon.stream.replay.ReplaySource;
import io.trigmon.stream.replay.Replayer;
import io.trigmon.stream.replay.TopicDump;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A literal paced replay (DESIGN §2: "a replay at 100× gives the same windows and the same
 * Z-scores"): a recorded stream — a topic dump of four 1 s windows of simulated Drell–Yan events
 * with a Z′ excess in the third, then one late event that closes them — is produced by the
 * stream-app's {@link Replayer} paced at 1× (real time: about six seconds) and at 50×, each time
 * while the monitor job (2-slot MiniCluster, unbounded source) reads it live. The two runs give the
 * same window results, field for field.
 */
@ExtendWith(KafkaBrokerExtension.class)
class PacedReplayIT {

  @RegisterExtension static final MiniClusterExtension FLINK = MonitorHarness.twoSlotMiniCluster();

  static final MonitorScenario SCENARIO =
      new MonitorScenario(4, 300, Duration.ofSeconds(1), List.of(2), 30, 3_000, 30);

  static final Duration LATENESS = Duration.ofMillis(500);
  static final Duration OUT_OF_ORDERNESS = Duration.ofMillis(500);

  @TempDir static Path dir;

  private static MonitorHarness harness;
  private static Path dump;

  @BeforeAll
  static void modelsAndRecording(KafkaBroker broker) throws Exception {
    harness = new MonitorHarness(broker);
    SCENARIO.writeModels(dir.resolve("models"));
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < SCENARIO.windows(); i++) {
      events.addAll(SCENARIO.windowEvents(i));
    }
    // Past the last window's end + lateness + out-of-orderness: the watermark closes it.
    Event last = events.get(events.size() - 1);
    long end =
        MonitorScenario.START
            .plus(SCENARIO.window().multipliedBy(SCENARIO.windows()))
            .toEpochMilli();
    events.add(last.withTime((end + 1_500) * 1_000_000L));
    dump = dir.resolve("stream.tmdump");
    try (TopicDump.Writer writer = new TopicDump.Writer(dump, "events.valid", 0)) {
      for (int i = 0; i < events.size(); i++) {
        Event e = events.get(i);
        writer.write(
            new DumpRecord(
                0,
                i,
                e.eventTimeNanos() / 1_000_000,
                e.stream().getBytes(StandardCharsets.UTF_8),
                EventCodec.encode(e)));
      }
    }
  }

  @Test
  void realTimeAndFiftyTimesFasterGiveTheSameWindows() throws Exception {
    List<JsonNode> realTime = replayed(1);
    List<JsonNode> fast = replayed(50);

    assertThat(realTime).hasSize(SCENARIO.windows());
    for (int i = 0; i < realTime.size(); i++) {
      System.out.printf("1x %s%n50x %s%n", realTime.get(i), fast.get(i));
      assertThat(fast.get(i)).as("window %d", i).isEqualTo(realTime.get(i));
    }
    assertThat(realTime.get(2).get("z").asDouble()).as("Z of the Z′ window").isGreaterThan(2);
  }

  /** The window results of the job reading the recording while it is replayed at {@code speed}. */
  private static List<JsonNode> replayed(double speed) throws Exception {
    String topic = harness.topic("replay-" + (int) speed + "x", 1);
    MonitorSettings settings =
        MonitorSettings.defaults(dir.resolve("models").toString())
            .withWindow(SCENARIO.window())
            .withAllowedLateness(LATENESS)
            .withOutOfOrderness(OUT_OF_ORDERNESS)
            // The second source reader has no partition: idle soon, so it holds nothing back.
            .withIdleness(Duration.ofSeconds(2))
            .withCheckpointInterval(Duration.ofMillis(500));
    return harness
        .runLive(
            topic,
            settings,
            SCENARIO.windows(),
            () -> {
              try (KafkaProducer<byte[], byte[]> producer = harness.producer();
                  PrintWriter quiet = new PrintWriter(Writer.nullWriter())) {
                new Replayer(
                        producer,
                        topic,
                        new Pacer(speed, 0, Pacer.Clock.SYSTEM),
                        Optional.empty(),
                        ReplayProgress.forOutput(quiet, false))
                    .replay(ReplaySource.dump(dump), 1);
              }
            })
        .results();
  }
}
