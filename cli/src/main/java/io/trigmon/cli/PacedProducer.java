package io.trigmon.cli;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Produces benchmark events at a target rate, each stamped with the wall-clock time it is sent (so
 * event time is real time, as in data taking), round robin over streams and partitions, and counts
 * what it sent per window of each stream: the ground truth the window results must match.
 */
final class PacedProducer implements AutoCloseable {

  /** What one stage produced. */
  record Stage(double targetRate, long events, double seconds) {
    double achievedRate() {
      return events / seconds;
    }
  }

  private final KafkaProducer<byte[], byte[]> producer;
  private final String topic;
  private final int partitions;
  private final PipelineEvents events;
  private final long windowMillis;
  private final long wallStartNanos = System.currentTimeMillis() * 1_000_000L;
  private final long monoStart = System.nanoTime();
  private final Map<String, Long> sentPerWindow = new TreeMap<>();
  private final AtomicLong failed = new AtomicLong();
  private long index;
  private long[] openWindow; // per stream: start of the window being counted
  private long[] openCount; // per stream: events counted in it, not yet in sentPerWindow

  PacedProducer(
      String bootstrap, String topic, int partitions, PipelineEvents events, Duration window) {
    this.producer =
        new KafkaProducer<>(
            config(bootstrap), new ByteArraySerializer(), new ByteArraySerializer());
    this.topic = topic;
    this.partitions = partitions;
    this.events = events;
    this.windowMillis = window.toMillis();
  }

  static Properties config(String bootstrap) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
    return props;
  }

  /** Wall-clock now in ns since the epoch, monotone within this producer. */
  long nowNanos() {
    return wallStartNanos + (System.nanoTime() - monoStart);
  }

  /** Produces at {@code rate} events/s for {@code duration}; blocks. */
  Stage run(double rate, Duration duration) {
    int streams = events.streams().size();
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    long sent = 0;
    while (true) {
      if ((sent & 255) == 0) {
        long due = start + (long) (sent / rate * 1e9);
        long now = System.nanoTime();
        if (now >= end) {
          break;
        }
        if (due > now) {
          LockSupport.parkNanos(Math.min(due, end) - now);
          continue;
        }
      }
      int stream = (int) (index % streams);
      long perStream = index / streams;
      long time = nowNanos();
      send((int) (perStream % partitions), events.encode(stream, perStream, time));
      count(stream, windowStart(time));
      index++;
      sent++;
    }
    flushCounts();
    producer.flush();
    return new Stage(rate, sent, (System.nanoTime() - start) / 1e9);
  }

  /**
   * One event per stream and partition stamped {@code ahead} in the future, so the watermark of
   * every split passes every window produced so far and they all fire. These events fall in a later
   * window that never fires and are not counted.
   */
  void closeWindows(Duration ahead) {
    long time = nowNanos() + ahead.toNanos();
    for (int s = 0; s < events.streams().size(); s++) {
      for (int p = 0; p < partitions; p++) {
        send(p, events.encode(s, 0, time));
      }
    }
    producer.flush();
  }

  private void send(int partition, byte[] value) {
    producer.send(
        new ProducerRecord<>(topic, partition, null, value),
        (metadata, e) -> {
          if (e != null) {
            failed.incrementAndGet();
          }
        });
  }

  /**
   * Counts one event of {@code stream} in the window starting at {@code windowStart}: in a running
   * count per stream, moved into {@link #sentPerWindow} when the stream's window changes (a string
   * key and a map lookup per event were the producer's avoidable cost, and the producer shares the
   * two cores with the broker and the monitor it overloads).
   */
  private void count(int stream, long windowStart) {
    if (openWindow == null) {
      openWindow = new long[events.streams().size()];
      openCount = new long[openWindow.length];
    }
    if (openCount[stream] > 0 && openWindow[stream] != windowStart) {
      flushCount(stream);
    }
    openWindow[stream] = windowStart;
    openCount[stream]++;
  }

  private void flushCounts() {
    for (int s = 0; openWindow != null && s < openWindow.length; s++) {
      flushCount(s);
    }
  }

  private void flushCount(int stream) {
    if (openCount[stream] > 0) {
      sentPerWindow.merge(
          key(events.streams().get(stream), openWindow[stream]), openCount[stream], Long::sum);
      openCount[stream] = 0;
    }
  }

  private long windowStart(long timeNanos) {
    long millis = Math.floorDiv(timeNanos, 1_000_000L);
    return millis - Math.floorMod(millis, windowMillis);
  }

  static String key(String stream, long windowStartMillis) {
    return stream + "@" + windowStartMillis;
  }

  /** Events sent per window ({@link #key(String, long)}). */
  Map<String, Long> sentPerWindow() {
    return Map.copyOf(sentPerWindow);
  }

  /** Sends the broker did not acknowledge. */
  long failed() {
    return failed.get();
  }

  @Override
  public void close() {
    producer.close();
  }
}
