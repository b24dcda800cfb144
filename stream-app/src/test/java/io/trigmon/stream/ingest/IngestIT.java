package io.trigmon.stream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.trigmon.broker.BrokerSettings;
import io.trigmon.broker.KafkaBrokerExtension;
import io.trigmon.event.Event;
import io.trigmon.event.EventCodec;
import io.trigmon.event.HostileRecords;
import io.trigmon.event.HostileRecords.Hostile;
import io.trigmon.event.Reason;
import io.trigmon.event.TestEvents;
import io.trigmon.stream.StreamApp;
import io.trigmon.stream.StreamAppConfig;
import io.trigmon.stream.StreamTopics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN §2 against a real broker: 100,000 hostile records mixed with 100,000 valid events through
 * the exactly-once ingest app; every valid event reaches {@code events.valid} exactly once, every
 * hostile one reaches {@code events.dlq} with its reason, and the app stays up.
 */
class IngestIT {

  private static final int VALID = 100_000;
  private static final int HOSTILE = 100_000;

  @RegisterExtension
  static final KafkaBrokerExtension KAFKA =
      KafkaBrokerExtension.withSettings(BrokerSettings.defaults());

  @TempDir Path stateDir;

  @Test
  void everyValidEventOnceEveryHostileRecordWithItsReason() throws Exception {
    String bootstrap = KAFKA.broker().bootstrapServers();
    List<Event> events = new TestEvents(11, Instant.now().minusSeconds(600)).next(VALID);
    List<Hostile> hostile = new HostileRecords(11).next(HOSTILE);
    long expectedChecksum = 0;
    Set<Long> expectedNumbers = new HashSet<>();
    for (Event e : events) {
      expectedChecksum += crc(EventCodec.encode(e));
      expectedNumbers.add(e.eventNumber());
    }
    assertThat(expectedNumbers).hasSize(VALID);

    StreamAppConfig config =
        StreamAppConfig.fromMap(
            Map.of(
                "bootstrap.servers", bootstrap,
                "application.id", "ingest-it",
                "state.dir", stateDir.toString(),
                "metrics.port", "0",
                "live.port", "-1",
                "kafka.commit.interval.ms", "1000"));
    try (StreamApp app = new StreamApp(config)) {
      app.start();
      produceMixed(bootstrap, events, hostile);

      Map<String, Reason> expectedReason = new HashMap<>();
      for (int i = 0; i < hostile.size(); i++) {
        expectedReason.put("h" + i, hostile.get(i).expected());
      }
      List<ConsumerRecord<byte[], byte[]>> valid =
          readCommitted(bootstrap, StreamTopics.EVENTS_VALID.name(), VALID);
      List<ConsumerRecord<byte[], byte[]>> dlq =
          readCommitted(bootstrap, StreamTopics.EVENTS_DLQ.name(), HOSTILE);

      assertThat(valid).hasSize(VALID);
      long checksum = 0;
      Set<Long> numbers = new HashSet<>();
      for (ConsumerRecord<byte[], byte[]> r : valid) {
        checksum += crc(r.value());
        Event e = EventCodec.decode(r.value());
        numbers.add(e.eventNumber());
        assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo(e.stream());
      }
      assertThat(numbers).isEqualTo(expectedNumbers);
      assertThat(checksum).isEqualTo(expectedChecksum);

      assertThat(dlq).hasSize(HOSTILE);
      Set<String> seen = new HashSet<>();
      Map<Reason, Integer> perReason = new HashMap<>();
      for (ConsumerRecord<byte[], byte[]> r : dlq) {
        String key = new String(r.key(), StandardCharsets.UTF_8);
        assertThat(seen.add(key)).as("duplicate " + key).isTrue();
        Reason reason = Reason.ofCode(DeadLetter.header(r.headers(), DeadLetter.REASON));
        assertThat(reason).as(key).isEqualTo(expectedReason.get(key));
        assertThat(r.value()).isEqualTo(hostile.get(Integer.parseInt(key.substring(1))).bytes());
        perReason.merge(reason, 1, Integer::sum);
      }

      assertThat(app.state()).contains(KafkaStreams.State.RUNNING);
      String scrape = scrape(app);
      for (Map.Entry<Reason, Integer> e : perReason.entrySet()) {
        assertThat(app.ingestMetrics().rejectedCount(e.getKey()))
            .as(e.getKey().code())
            .isGreaterThanOrEqualTo(e.getValue());
        assertThat(scrape)
            .contains("trigmon_dlq_events_total{reason=\"" + e.getKey().code() + "\"}");
      }
      assertThat(scrape).contains("kafka_stream_");
      System.out.printf(
          "ingest IT: %d valid, %d dlq, per reason %s%n", valid.size(), dlq.size(), perReason);
    }
  }

  private static void produceMixed(String bootstrap, List<Event> events, List<Hostile> hostile) {
    Map<String, Object> p =
        Map.of(
            "bootstrap.servers",
            bootstrap,
            "key.serializer",
            ByteArraySerializer.class,
            "value.serializer",
            ByteArraySerializer.class,
            "linger.ms",
            5,
            "acks",
            "all");
    SplittableRandom random = new SplittableRandom(3);
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
      int v = 0;
      int h = 0;
      while (v < events.size() || h < hostile.size()) {
        boolean takeValid = h == hostile.size() || (v < events.size() && random.nextBoolean());
        if (takeValid) {
          Event e = events.get(v++);
          producer.send(
              new ProducerRecord<>(
                  StreamTopics.EVENTS_RAW.name(),
                  null,
                  e.eventTimeNanos() / 1_000_000,
                  ("v" + v).getBytes(StandardCharsets.UTF_8),
                  EventCodec.encode(e)));
        } else {
          producer.send(
              new ProducerRecord<>(
                  StreamTopics.EVENTS_RAW.name(),
                  ("h" + h).getBytes(StandardCharsets.UTF_8),
                  hostile.get(h++).bytes()));
        }
      }
      producer.flush();
    }
  }

  /** Reads a topic (read_committed) until it has at least n records and then 2 s of silence. */
  private static List<ConsumerRecord<byte[], byte[]>> readCommitted(
      String bootstrap, String topic, int n) {
    Map<String, Object> p =
        Map.of(
            "bootstrap.servers",
            bootstrap,
            "key.deserializer",
            ByteArrayDeserializer.class,
            "value.deserializer",
            ByteArrayDeserializer.class,
            "group.id",
            "ingest-it-reader-" + topic,
            "auto.offset.reset",
            "earliest",
            "isolation.level",
            "read_committed",
            "max.poll.records",
            5000);
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
      consumer.subscribe(List.of(topic));
      long quietSince = System.nanoTime();
      while (System.nanoTime() < deadline) {
        var batch = consumer.poll(Duration.ofMillis(200));
        batch.forEach(records::add);
        if (!batch.isEmpty()) {
          quietSince = System.nanoTime();
        } else if (records.size() >= n
            && System.nanoTime() - quietSince > Duration.ofSeconds(2).toNanos()) {
          break;
        }
      }
    }
    return records;
  }

  private static String scrape(StreamApp app) throws Exception {
    int port = app.metricsServer().orElseThrow().address().getPort();
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static long crc(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return crc.getValue();
  }
}
