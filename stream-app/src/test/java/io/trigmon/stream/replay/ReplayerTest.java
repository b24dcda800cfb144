package io.trigmon.stream.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.trigmon.event.Event;
import io.trigmon.event.EventCodec;
import io.trigmon.event.TestEvents;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayerTest {

  @TempDir Path dir;

  private Path dumpOf(List<Event> events, byte[]... others) throws IOException {
    Path file = dir.resolve("d.tmdump");
    try (TopicDump.Writer w = new TopicDump.Writer(file, "events.valid", 0)) {
      long offset = 0;
      for (Event e : events) {
        w.write(new DumpRecord(0, offset++, 123, "x".getBytes(), EventCodec.encode(e)));
      }
      for (byte[] other : others) {
        w.write(new DumpRecord(1, offset++, 777, "bad".getBytes(), other));
      }
    }
    return file;
  }

  private static MockProducer<byte[], byte[]> producer() {
    return new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
  }

  @Test
  void eventsKeepTheirEventTimeAsTimestampAndAreKeyedByStream() throws Exception {
    List<Event> events = new TestEvents(5).next(50);
    MockProducer<byte[], byte[]> producer = producer();
    StringWriter text = new StringWriter();
    ReplaySummary summary =
        new Replayer(
                producer,
                "events.raw",
                Pacer.unlimited(),
                Optional.empty(),
                ReplayProgress.forOutput(new PrintWriter(text), false))
            .replay(ReplaySource.dump(dumpOf(events, new byte[] {9, 9})), 1);

    List<ProducerRecord<byte[], byte[]>> sent = producer.history();
    assertThat(sent).hasSize(51);
    for (int i = 0; i < events.size(); i++) {
      assertThat(sent.get(i).timestamp()).isEqualTo(events.get(i).eventTimeNanos() / 1_000_000);
      assertThat(sent.get(i).value()).isEqualTo(EventCodec.encode(events.get(i)));
      assertThat(new String(sent.get(i).key(), StandardCharsets.UTF_8))
          .isEqualTo(events.get(i).stream());
    }
    ProducerRecord<byte[], byte[]> bad = sent.get(50);
    assertThat(bad.value()).containsExactly(9, 9);
    assertThat(bad.key()).isEqualTo("bad".getBytes());
    assertThat(bad.timestamp()).isEqualTo(777);
    assertThat(summary.records()).isEqualTo(51);
    assertThat(summary.events()).isEqualTo(50);
    assertThat(text.toString()).startsWith("Replayed 51 records (50 events) to events.raw");
    assertThat(text.toString()).doesNotContain("\r");
  }

  @Test
  void streamOverrideAndLoopShiftEventTime() throws Exception {
    List<Event> events = new TestEvents(6).next(10);
    long span = events.get(9).eventTimeNanos() - events.get(0).eventTimeNanos();
    MockProducer<byte[], byte[]> producer = producer();
    ReplaySummary summary =
        new Replayer(
                producer,
                "events.raw",
                Pacer.unlimited(),
                Optional.of("replayed"),
                ReplayProgress.forOutput(new PrintWriter(new StringWriter()), true))
            .replay(ReplaySource.dump(dumpOf(events)), 3);

    List<ProducerRecord<byte[], byte[]>> sent = producer.history();
    assertThat(sent).hasSize(30);
    assertThat(summary.passes()).isEqualTo(3);
    for (int pass = 0; pass < 3; pass++) {
      for (int i = 0; i < 10; i++) {
        Event out = EventCodec.decode(sent.get(pass * 10 + i).value());
        assertThat(out.stream()).isEqualTo("replayed");
        assertThat(out.eventTimeNanos())
            .isEqualTo(events.get(i).eventTimeNanos() + pass * (span + 1_000_000L));
        assertThat(out.eventNumber()).isEqualTo(events.get(i).eventNumber());
      }
    }
    for (int i = 1; i < sent.size(); i++) {
      assertThat(sent.get(i).timestamp()).isGreaterThanOrEqualTo(sent.get(i - 1).timestamp());
    }
  }

  @Test
  void progressLineShowsRateAndEta() {
    String line = ReplayProgress.line(500, 1000, 1_000_000_000L);
    assertThat(line)
        .contains("50%")
        .contains("500 events")
        .contains("500 ev/s")
        .contains("ETA 0:00:01");
  }
}
