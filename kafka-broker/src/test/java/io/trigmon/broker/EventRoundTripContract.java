package io.trigmon.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.trigmon.event.Event;
import io.trigmon.event.EventCodec;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * One million encoded events through a real broker and back, intact: the body shared by the
 * embedded-broker and the Testcontainers variants. Checks the count, an order-independent checksum
 * (sum of the CRC32 of every value), that every event number arrives exactly once, that each
 * partition delivers in the order sent, and that every decoded event equals the one generated for
 * its number. Prints the producer and consumer throughput (Kafka alone: events are encoded before
 * and verified after the timed parts).
 */
abstract class EventRoundTripContract {

  static final int EVENTS = 1_000_000;
  static final int PARTITIONS = 2;
  static final long SEED = 20_261_123L;
  private static final Duration IDLE_LIMIT = Duration.ofSeconds(30);

  /** {@code bootstrap.servers} of the broker under test. */
  abstract String bootstrapServers();

  /** The variant's name in the throughput line. */
  abstract String brokerName();

  /** The broker's process, when it runs on this machine (its CPU time is reported). */
  Optional<ProcessHandle> brokerProcess() {
    return Optional.empty();
  }

  /**
   * CPU seconds used so far by this JVM (client) and by the broker (0 when unknown): on a shared
   * machine wall-clock throughput says more about the neighbours than about Kafka, records per
   * CPU-second less so.
   */
  private record Cpu(double client, double broker) {
    double total() {
      return client + broker;
    }

    Cpu minus(Cpu before) {
      return new Cpu(client - before.client, broker - before.broker);
    }

    @Override
    public String toString() {
      return String.format("%.1f CPU s: client %.1f + broker %.1f", total(), client, broker);
    }
  }

  private Cpu cpu() {
    double client =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime()
            / 1e9;
    double broker =
        brokerProcess()
            .flatMap(p -> p.info().totalCpuDuration())
            .map(d -> d.toNanos() / 1e9)
            .orElse(0.0);
    return new Cpu(client, broker);
  }

  @Test
  void millionEncodedEventsComeBackIntact() throws Exception {
    String topic = "roundtrip-" + UUID.randomUUID();
    createTopic(topic);

    long encodeStart = System.nanoTime();
    byte[][] values = new byte[EVENTS][];
    for (int i = 0; i < EVENTS; i++) {
      values[i] = EventCodec.encode(SeededEvents.event(SEED, i));
    }
    double encodeSeconds = (System.nanoTime() - encodeStart) / 1e9;

    Cpu cpu0 = cpu();
    Sent sent = produce(topic, values);
    Cpu cpu1 = cpu();
    values = null; // the consumer's copies come next: keep the heap small
    Received received = consume(topic);
    Cpu cpu2 = cpu();
    Cpu produceCpu = cpu1.minus(cpu0);
    Cpu consumeCpu = cpu2.minus(cpu1);
    Verified verified = Verified.of(received);

    assertThat(received.count).as("records read").isEqualTo(EVENTS);
    assertThat(verified.crcSum).as("sum of CRC32 of the values").isEqualTo(sent.crcSum);
    assertThat(verified.seen.cardinality()).as("distinct event numbers").isEqualTo(EVENTS);
    assertThat(verified.duplicates).as("duplicates").isZero();
    assertThat(verified.outOfOrder).as("records out of order within a partition").isZero();
    assertThat(verified.corrupted).as("decoded events differing from those sent").isZero();
    assertThat(received.perPartition()).as("records per partition").hasSize(PARTITIONS);

    System.out.printf(
        "%s: %,d events, %,d bytes of values; generate+encode %,.0f events/s;"
            + " produce (acks=all) %.2f s = %,.0f records/s (%s; %,.0f records/CPU-s);"
            + " consume %.2f s = %,.0f records/s (%s; %,.0f records/CPU-s);"
            + " per partition %s; load average %.1f%n",
        brokerName(),
        EVENTS,
        sent.bytes,
        EVENTS / encodeSeconds,
        sent.seconds,
        EVENTS / sent.seconds,
        produceCpu,
        EVENTS / produceCpu.total(),
        received.seconds,
        EVENTS / received.seconds,
        consumeCpu,
        EVENTS / consumeCpu.total(),
        received.perPartition(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private void createTopic(String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
      admin
          .createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1)))
          .all()
          .get(60, TimeUnit.SECONDS);
    }
  }

  private record Sent(long crcSum, long bytes, double seconds) {}

  private Sent produce(String topic, byte[][] values) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "10");
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
    AtomicReference<Exception> failure = new AtomicReference<>();
    long start = System.nanoTime();
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
      for (int i = 0; i < values.length && failure.get() == null; i++) {
        producer.send(
            new ProducerRecord<>(topic, values[i]),
            (metadata, e) -> {
              if (e != null) {
                failure.compareAndSet(null, e);
              }
            });
      }
      producer.flush();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(failure.get()).as("send failure").isNull();
    CRC32 crc = new CRC32();
    long crcSum = 0;
    long bytes = 0;
    for (byte[] value : values) {
      crcSum += crc32(crc, value);
      bytes += value.length;
    }
    return new Sent(crcSum, bytes, seconds);
  }

  private static long crc32(CRC32 crc, byte[] value) {
    crc.reset();
    crc.update(value);
    return crc.getValue();
  }

  /** What the consumer read, in arrival order, kept raw so that reading is timed alone. */
  private static final class Received {
    final byte[][] values = new byte[EVENTS][];
    final int[] partitions = new int[EVENTS];
    int count;
    long extra;
    double seconds;

    void accept(ConsumerRecord<byte[], byte[]> record) {
      if (count == EVENTS) {
        extra++;
        return;
      }
      values[count] = record.value();
      partitions[count] = record.partition();
      count++;
    }

    Map<Integer, Long> perPartition() {
      Map<Integer, Long> counts = new TreeMap<>();
      for (int i = 0; i < count; i++) {
        counts.merge(partitions[i], 1L, Long::sum);
      }
      return counts;
    }
  }

  /** The checks on what was read: checksum, each number once, order per partition, equality. */
  private static final class Verified {
    long crcSum;
    long duplicates;
    long outOfOrder;
    long corrupted;
    final BitSet seen = new BitSet(EVENTS);
    final Map<Integer, Long> lastNumber = new HashMap<>();

    static Verified of(Received received) {
      Verified verified = new Verified();
      CRC32 crc = new CRC32();
      for (int i = 0; i < received.count; i++) {
        verified.check(received.values[i], received.partitions[i], crc);
      }
      verified.duplicates += received.extra;
      return verified;
    }

    private void check(byte[] value, int partition, CRC32 crc) {
      crcSum += crc32(crc, value);
      Event event = EventCodec.decode(value);
      long number = event.eventNumber();
      if (number < 0 || number >= EVENTS || seen.get((int) number)) {
        duplicates++;
      } else {
        seen.set((int) number);
      }
      Long last = lastNumber.put(partition, number);
      if (last != null && number <= last) {
        outOfOrder++;
      }
      if (!event.equals(SeededEvents.event(SEED, number))) {
        corrupted++;
      }
    }
  }

  private Received consume(String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "10000");
    props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(8 << 20));
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    Received received = new Received();
    List<TopicPartition> partitions = new ArrayList<>();
    for (int p = 0; p < PARTITIONS; p++) {
      partitions.add(new TopicPartition(topic, p));
    }
    long start = System.nanoTime();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long lastProgress = System.nanoTime();
      while (received.count < EVENTS && System.nanoTime() - lastProgress < IDLE_LIMIT.toNanos()) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
        if (!records.isEmpty()) {
          lastProgress = System.nanoTime();
        }
        records.forEach(received::accept);
      }
      received.seconds = (System.nanoTime() - start) / 1e9;
      // Nothing beyond what was sent.
      long end = consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
      assertThat(end).as("records in the topic").isEqualTo(EVENTS);
    }
    return received;
  }
}
