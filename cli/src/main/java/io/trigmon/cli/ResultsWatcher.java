package io.trigmon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads {@code monitor.results} (read-committed, as a user of the exactly-once results would) on
 * its own thread and notes the wall-clock time each window result became visible.
 */
final class ResultsWatcher implements AutoCloseable {

  /** A window result as seen by a reader, with when it became visible (epoch ms). */
  record Seen(String stream, long windowStart, long windowEnd, long events, long visibleMillis) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final List<Seen> seen = new ArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;

  ResultsWatcher(String bootstrap, String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-results-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(List.of(topic));
    thread = new Thread(this::poll, "bench-results-watcher");
    thread.setDaemon(true);
    thread.start();
  }

  private void poll() {
    try {
      while (running) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(250))) {
          long now = System.currentTimeMillis();
          JsonNode node = JSON.readTree(r.value());
          synchronized (seen) {
            seen.add(
                new Seen(
                    node.get("stream").asText(),
                    node.get("window_start").asLong(),
                    node.get("window_end").asLong(),
                    node.get("n_events").asLong(),
                    now));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      consumer.close();
    }
  }

  /** The results seen so far. */
  List<Seen> seen() {
    synchronized (seen) {
      return List.copyOf(seen);
    }
  }

  /** Waits until at least {@code count} results were seen, or the timeout; returns them. */
  List<Seen> await(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (seen().size() < count && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    return seen();
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(5_000);
  }
}
