package io.trigmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trigmon.broker.KafkaBroker;
import io.trigmon.broker.KafkaBrokerExtension;
import io.trigmon.event.Event;
import io.trigmon.event.EventCodec;
import io.trigmon.event.TestEvents;
import io.trigmon.io.FeatureTable;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code trigmon record} then {@code trigmon replay} against a real broker: same events, times. */
@ExtendWith(KafkaBrokerExtension.class)
class ReplayRecordIT {

  @TempDir Path dir;

  private record Outcome(int code, String out, String err) {}

  private static Outcome run(String... args) {
    CommandLine cmd = Trigmon.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int code = cmd.execute(args);
    return new Outcome(code, out.toString(), err.toString());
  }

  @Test
  void recordedTopicReplaysWithTheSameEventsAndEventTimes(KafkaBroker kafka) {
    kafka.createTopic("replay-it-source", 2);
    kafka.createTopic("replay-it-target", 2);
    List<Event> events = new TestEvents(21, Instant.now().minusSeconds(60)).next(3000);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                "bootstrap.servers", kafka.bootstrapServers(),
                "key.serializer", ByteArraySerializer.class,
                "value.serializer", ByteArraySerializer.class))) {
      for (Event e : events) {
        producer.send(
            new ProducerRecord<>(
                "replay-it-source",
                null,
                e.eventTimeNanos() / 1_000_000,
                e.stream().getBytes(StandardCharsets.UTF_8),
                EventCodec.encode(e)));
      }
    }
    Path dump = dir.resolve("source.tmdump");
    Outcome recorded =
        run(
            "record",
            "--topic",
            "replay-it-source",
            "--out",
            dump.toString(),
            "--bootstrap",
            kafka.bootstrapServers());
    assertThat(recorded.code()).as(recorded.err()).isZero();
    assertThat(recorded.out()).contains("Recorded 3,000 records");

    Outcome replayed =
        run(
            "replay",
            "--file",
            dump.toString(),
            "--topic",
            "replay-it-target",
            "--max-rate",
            "200000",
            "--stream",
            "replayed",
            "--bootstrap",
            kafka.bootstrapServers());
    assertThat(replayed.code()).as(replayed.err()).isZero();
    assertThat(replayed.out())
        .startsWith("Replayed 3,000 records (3,000 events)")
        .doesNotContain("\r");

    List<ConsumerRecord<byte[], byte[]>> out = readAll(kafka, "replay-it-target", events.size());
    assertThat(out).hasSize(events.size());
    List<Event> got = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : out) {
      Event e = EventCodec.decode(r.value());
      assertThat(r.timestamp()).isEqualTo(e.eventTimeNanos() / 1_000_000);
      assertThat(e.stream()).isEqualTo("replayed");
      got.add(e);
    }
    got.sort(Comparator.comparingLong(Event::eventNumber));
    for (int i = 0; i < events.size(); i++) {
      assertThat(got.get(i).eventTimeNanos()).isEqualTo(events.get(i).eventTimeNanos());
      assertThat(got.get(i).jets()).isEqualTo(events.get(i).jets());
    }
  }

  @Test
  void featureCsvReplaysAsTwoMuonEvents(KafkaBroker kafka) {
    kafka.createTopic("replay-it-csv", 1);
    Path csv = dir.resolve("dy.csv");
    FeatureTable.builder()
        .add(120, 45, 0.3, -1.1, 2.9)
        .add(230, 80, -2.0, 0.5, -1.0)
        .build()
        .write(csv);
    Outcome replayed =
        run(
            "replay",
            "--file",
            csv.toString(),
            "--topic",
            "replay-it-csv",
            "--speed",
            "1000",
            "--stream",
            "dimuon",
            "--bootstrap",
            kafka.bootstrapServers());
    assertThat(replayed.code()).as(replayed.err()).isZero();
    List<ConsumerRecord<byte[], byte[]>> out = readAll(kafka, "replay-it-csv", 2);
    assertThat(out).hasSize(2);
    Event first = EventCodec.decode(out.get(0).value());
    assertThat(first.stream()).isEqualTo("dimuon");
    assertThat(first.muons()).hasSize(2);
    assertThat(first.muons().get(0).pt()).isEqualTo(120f);
    assertThat(first.muons().get(1).phi()).isEqualTo(2.9f);
    assertThat(EventCodec.decode(out.get(1).value()).eventTimeNanos() - first.eventTimeNanos())
        .isEqualTo(1_000_000L);
  }

  @Test
  void badArgumentsExitTwoNamingTheOption() {
    Outcome missing = run("replay", "--file", dir.resolve("nope.tmdump").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("--file");
    Outcome speed = run("replay", "--file", "x", "--speed", "-1");
    assertThat(speed.code()).isEqualTo(2);
  }

  private static List<ConsumerRecord<byte[], byte[]>> readAll(
      KafkaBroker kafka, String topic, int n) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers",
                kafka.bootstrapServers(),
                "key.deserializer",
                ByteArrayDeserializer.class,
                "value.deserializer",
                ByteArrayDeserializer.class,
                "group.id",
                "replay-it",
                "auto.offset.reset",
                "earliest"))) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (records.size() < n && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }
}
