package io.trigmon.stream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.trigmon.event.Event;
import io.trigmon.event.EventCodec;
import io.trigmon.event.HostileRecords;
import io.trigmon.event.HostileRecords.Hostile;
import io.trigmon.event.Reason;
import io.trigmon.event.TestEvents;
import io.trigmon.stream.StreamApp;
import io.trigmon.stream.StreamAppConfig;
import io.trigmon.stream.StreamTopics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IngestTopologyTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final IngestMetrics metrics = new IngestMetrics(registry);
  private TopologyTestDriver driver;
  private TestInputTopic<byte[], byte[]> raw;
  private TestOutputTopic<byte[], byte[]> valid;
  private TestOutputTopic<byte[], byte[]> dlq;

  @BeforeEach
  void setUp() {
    StreamsBuilder builder = new StreamsBuilder();
    new IngestTopology(metrics).buildTopology(builder);
    Properties config = StreamApp.streamsConfig(StreamAppConfig.defaults("unused:9092"));
    driver = new TopologyTestDriver(builder.build(), config);
    raw =
        driver.createInputTopic(
            StreamTopics.EVENTS_RAW.name(),
            StreamTopics.EVENTS_RAW.keySerde().serializer(),
            StreamTopics.EVENTS_RAW.valueSerde().serializer());
    valid =
        driver.createOutputTopic(
            StreamTopics.EVENTS_VALID.name(),
            StreamTopics.EVENTS_VALID.keySerde().deserializer(),
            StreamTopics.EVENTS_VALID.valueSerde().deserializer());
    dlq =
        driver.createOutputTopic(
            StreamTopics.EVENTS_DLQ.name(),
            StreamTopics.EVENTS_DLQ.keySerde().deserializer(),
            StreamTopics.EVENTS_DLQ.valueSerde().deserializer());
  }

  @AfterEach
  void tearDown() {
    driver.close();
  }

  @Test
  void validEventsReachEventsValidKeyedByStreamWithCanonicalBytes() {
    List<Event> events = new TestEvents().next(200);
    events.forEach(e -> raw.pipeInput("producer-key".getBytes(), EventCodec.encode(e)));

    List<TestRecord<byte[], byte[]>> out = valid.readRecordsToList();
    assertThat(out).hasSize(events.size());
    for (int i = 0; i < events.size(); i++) {
      assertThat(new String(out.get(i).key(), StandardCharsets.UTF_8))
          .isEqualTo(events.get(i).stream());
      assertThat(EventCodec.decode(out.get(i).value())).isEqualTo(events.get(i));
      assertThat(out.get(i).value()).isEqualTo(EventCodec.encode(events.get(i)));
    }
    assertThat(dlq.isEmpty()).isTrue();
    double counted =
        registry.find(IngestMetrics.EVENTS).counters().stream().mapToDouble(c -> c.count()).sum();
    assertThat(counted).isEqualTo(events.size());
  }

  @Test
  void everyHostileKindGoesToTheDeadLetterTopicWithOriginalBytesAndReason() {
    List<Hostile> hostile = new HostileRecords().oneOfEach();
    for (Hostile h : hostile) {
      raw.pipeInput("k".getBytes(), h.bytes());
    }

    List<TestRecord<byte[], byte[]>> out = dlq.readRecordsToList();
    assertThat(out).hasSize(hostile.size());
    for (int i = 0; i < hostile.size(); i++) {
      TestRecord<byte[], byte[]> record = out.get(i);
      Hostile h = hostile.get(i);
      assertThat(record.value()).as(h.toString()).isEqualTo(h.bytes());
      assertThat(record.key()).isEqualTo("k".getBytes());
      assertThat(DeadLetter.header(record.headers(), DeadLetter.REASON))
          .as(h.toString())
          .isEqualTo(h.expected().code());
      assertThat(DeadLetter.header(record.headers(), DeadLetter.DETAIL)).isNotBlank();
      assertThat(DeadLetter.header(record.headers(), DeadLetter.SOURCE_TOPIC))
          .isEqualTo("events.raw");
      assertThat(DeadLetter.header(record.headers(), DeadLetter.SOURCE_PARTITION)).isEqualTo("0");
      assertThat(DeadLetter.header(record.headers(), DeadLetter.SOURCE_OFFSET))
          .isEqualTo(Integer.toString(i));
    }
    assertThat(valid.isEmpty()).isTrue();
    for (HostileRecords.Kind kind : HostileRecords.Kind.values()) {
      long expected = hostile.stream().filter(h -> h.expected() == kind.expected()).count();
      assertThat(metrics.rejectedCount(kind.expected())).as(kind.name()).isEqualTo(expected);
    }
  }

  @Test
  void aPoisonPillBetweenValidEventsStopsNothing() {
    TestEvents events = new TestEvents(7);
    HostileRecords hostile = new HostileRecords(7);
    Event before = events.next();
    Event after = events.next();
    raw.pipeInput(EventCodec.encode(before));
    raw.pipeInput(hostile.next(HostileRecords.Kind.RANDOM_BYTES).bytes());
    raw.pipeInput(new TestRecord<byte[], byte[]>(null, null)); // a tombstone
    raw.pipeInput(EventCodec.encode(after));

    assertThat(valid.readValuesToList())
        .extracting(EventCodec::decode)
        .containsExactly(before, after);
    List<TestRecord<byte[], byte[]>> rejected = dlq.readRecordsToList();
    assertThat(rejected)
        .extracting(r -> DeadLetter.header(r.headers(), DeadLetter.REASON))
        .containsExactly(Reason.BAD_MAGIC.code(), Reason.EMPTY.code());
    assertThat(rejected.get(1).value()).isEmpty();
  }

  @Test
  void producerCannotForgeTheReasonHeaderButItsOwnHeadersAreKept() {
    RecordHeaders headers = new RecordHeaders();
    headers.add(DeadLetter.REASON, "forged".getBytes());
    headers.add("trace-id", "abc".getBytes());
    raw.pipeInput(new TestRecord<>(null, new byte[] {1, 2, 3}, headers));

    TestRecord<byte[], byte[]> record = dlq.readRecord();
    assertThat(record.headers().headers(DeadLetter.REASON)).hasSize(1);
    assertThat(DeadLetter.header(record.headers(), DeadLetter.REASON))
        .isEqualTo(Reason.BAD_MAGIC.code());
    assertThat(DeadLetter.header(record.headers(), "trace-id")).isEqualTo("abc");
  }

  @Test
  void allReasonsAreRegisteredAtZeroBeforeAnyRecord() {
    assertThat(registry.find(IngestMetrics.DLQ_EVENTS).counters())
        .hasSize(Reason.values().length + 1);
  }

  @Test
  void streamLabelsAreCapped() {
    for (int i = 0; i < IngestMetrics.MAX_STREAM_LABELS + 50; i++) {
      metrics.valid("s" + i);
    }
    assertThat(registry.find(IngestMetrics.EVENTS).counters())
        .hasSize(IngestMetrics.MAX_STREAM_LABELS + 1);
    assertThat(registry.get(IngestMetrics.EVENTS).tag("stream", "_other").counter().count())
        .isEqualTo(50);
  }
}
