package io.trigmon.cli;

import io.trigmon.event.Event;
import io.trigmon.event.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The demo's data source: sends the events of a {@link DemoScenario} to {@code events.raw} at their
 * rate, paced by wall-clock time (an event is sent when its offset from the first event has
 * passed), with each record's timestamp its event time. Into every third window (the 2nd, 5th, …)
 * it mixes one record the ingest must reject, alternately bytes that are no event at all and a
 * truncated event, so the dead-letter path is visible too.
 *
 * <p>After the last window it streams a short tail of nominal events ({@code tail} of event time):
 * the monitor closes a window only when event time has moved past its end plus the allowed
 * lateness, so without the tail the last window would never be reported. The tail's windows are not
 * part of the scenario and are never reported.
 */
final class DemoProducer implements Runnable {

  private final DemoScenario scenario;
  private final Instant start;
  private final Duration tail;
  private final Properties properties;
  private final String topic;
  private final AtomicLong events = new AtomicLong();
  private final AtomicLong badRecords = new AtomicLong();
  private volatile boolean stopped;
  private volatile boolean finished;
  private volatile Exception failure;

  /**
   * @param bootstrap Kafka bootstrap servers
   * @param topic the raw events topic
   * @param scenario what to send
   * @param start event time of the first window's start
   * @param tail event time streamed past the last window
   */
  DemoProducer(
      String bootstrap, String topic, DemoScenario scenario, Instant start, Duration tail) {
    this.scenario = scenario;
    this.start = start;
    this.tail = tail;
    this.topic = topic;
    properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    properties.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    properties.put(ProducerConfig.CLIENT_ID_CONFIG, "trigmon-demo-producer");
  }

  @Override
  public void run() {
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer())) {
      long wallStart = System.nanoTime();
      long eventStart = nanos(start);
      long end = nanos(windowStart(scenario.windows())) + tail.toNanos();
      for (int w = 0; nanos(windowStart(w)) < end && !stopped; w++) {
        List<Event> window = scenario.windowEvents(start, w);
        for (int i = 0; i < window.size() && !stopped; i++) {
          Event event = window.get(i);
          if (event.eventTimeNanos() >= end) {
            break;
          }
          pace(wallStart + event.eventTimeNanos() - eventStart);
          byte[] key = event.stream().getBytes(StandardCharsets.UTF_8);
          long timestamp = event.eventTimeNanos() / 1_000_000;
          producer.send(
              new ProducerRecord<>(topic, null, timestamp, key, EventCodec.encode(event)));
          events.incrementAndGet();
          if (i == window.size() / 2 && hasBadRecord(w)) {
            producer.send(new ProducerRecord<>(topic, null, timestamp, key, badRecord(w, event)));
            badRecords.incrementAndGet();
          }
        }
      }
      producer.flush();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failure = e;
    } finally {
      finished = true;
    }
  }

  /** Whether window {@code w} (of the scenario, not the tail) carries a bad record. */
  boolean hasBadRecord(int w) {
    return w < scenario.windows() && w % 3 == 1;
  }

  /** Bad records the scenario sends in all. */
  long plannedBadRecords() {
    return java.util.stream.IntStream.range(0, scenario.windows())
        .filter(this::hasBadRecord)
        .count();
  }

  private static byte[] badRecord(int window, Event event) {
    if ((window / 3) % 2 == 0) {
      return "not an event".getBytes(StandardCharsets.UTF_8);
    }
    byte[] encoded = EventCodec.encode(event);
    return Arrays.copyOf(encoded, encoded.length / 2);
  }

  private static void pace(long wallTarget) throws InterruptedException {
    long ahead = wallTarget - System.nanoTime();
    if (ahead > 1_000_000) {
      Thread.sleep(ahead / 1_000_000, (int) (ahead % 1_000_000));
    }
  }

  private Instant windowStart(int w) {
    return start.plus(scenario.window().multipliedBy(w));
  }

  private static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  /** Asks the producer to stop after the current event. */
  void stop() {
    stopped = true;
  }

  /** Events sent so far (valid ones; bad records not included). */
  long events() {
    return events.get();
  }

  /** Bad records sent so far. */
  long badRecords() {
    return badRecords.get();
  }

  /** Whether it has sent everything (or stopped, or failed). */
  boolean finished() {
    return finished;
  }

  /** Why it failed, or null. */
  Exception failure() {
    return failure;
  }
}
