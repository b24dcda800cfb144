package io.trigmon.flink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Plain Kafka producing and {@code read_committed} reading for the job's integration tests. */
final class TestKafka {

  private TestKafka() {}

  /** A producer of byte records; the caller closes it. */
  static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /**
   * Sends {@code values} round robin over the topic's partitions, so every partition holds every
   * window, and flushes; fails if any record was not written (a test must not run on a topic that
   * silently lacks some of its input).
   */
  static void produce(KafkaProducer<byte[], byte[]> producer, String topic, List<byte[]> values) {
    int partitions = producer.partitionsFor(topic).size();
    List<Future<RecordMetadata>> sent = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      sent.add(producer.send(new ProducerRecord<>(topic, i % partitions, null, values.get(i))));
    }
    producer.flush();
    for (int i = 0; i < sent.size(); i++) {
      try {
        sent.get(i).get();
      } catch (ExecutionException e) {
        throw new IllegalStateException("record " + i + " of " + topic + " was not written", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while producing to " + topic, e);
      }
    }
  }

  /** As {@link #produce(KafkaProducer, String, List)} with a producer of its own. */
  static void produce(String bootstrap, String topic, List<byte[]> values) {
    try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
      produce(producer, topic, values);
    }
  }

  /**
   * The committed records of a topic: polls until at least {@code atLeast} arrived and then three
   * polls came back empty, or until {@code timeout}.
   */
  static List<ConsumerRecord<byte[], byte[]>> readCommitted(
      String bootstrap, String topic, int atLeast, Duration timeout) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + timeout.toNanos();
      int emptyPolls = 0;
      while (System.nanoTime() < deadline && (out.size() < atLeast || emptyPolls < 3)) {
        var batch = consumer.poll(Duration.ofMillis(500));
        emptyPolls = batch.isEmpty() ? emptyPolls + 1 : 0;
        batch.forEach(out::add);
      }
    }
    return out;
  }
}
