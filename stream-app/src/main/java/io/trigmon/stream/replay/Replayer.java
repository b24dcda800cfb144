package io.trigmon.stream.replay;

import io.trigmon.event.Event;
import io.trigmon.event.EventCodec;
import io.trigmon.event.EventDecodeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Produces recorded records to a topic (normally {@code events.raw}) keeping event time (DESIGN
 * §2): each event's Kafka timestamp is its event time, and the {@link Pacer} spaces the sends by
 * event time scaled by the speed factor, so that a replay at 100× gives the same event-time windows
 * as the original stream.
 *
 * <ul>
 *   <li>Events are keyed by their stream key; {@code stream} replaces the stream key of every event
 *       (files without keys, or replaying one stream as another).
 *   <li>Records that are not events are sent unchanged, with their recorded key and timestamp.
 *   <li>With {@code passes > 1} (a looping replay) pass k shifts every event time by k times the
 *       span of one pass plus 1 ms, so event time keeps increasing and windows keep closing; other
 *       fields (lumisection) are kept.
 * </ul>
 */
public final class Replayer {

  private static final long LOOP_GAP_NANOS = 1_000_000;

  private final Producer<byte[], byte[]> producer;
  private final String topic;
  private final Pacer pacer;
  private final Optional<String> stream;
  private final ReplayProgress progress;

  public Replayer(
      Producer<byte[], byte[]> producer,
      String topic,
      Pacer pacer,
      Optional<String> stream,
      ReplayProgress progress) {
    this.producer = producer;
    this.topic = topic;
    this.pacer = pacer;
    this.stream = stream;
    this.progress = progress;
  }

  /**
   * Replays the source {@code passes} times (at least once), flushes and returns the summary.
   *
   * @throws IOException if the source cannot be read or a send failed
   */
  public ReplaySummary replay(ReplaySource source, int passes)
      throws IOException, InterruptedException {
    long total = source.count();
    long start = System.nanoTime();
    AtomicReference<Exception> failure = new AtomicReference<>();
    AtomicLong acked = new AtomicLong();
    long sent = 0;
    long events = 0;
    long firstTime = Long.MAX_VALUE;
    long lastTime = Long.MIN_VALUE;
    long shift = 0;
    int pass = 0;
    while (pass < Math.max(1, passes) && !Thread.currentThread().isInterrupted()) {
      pass++;
      try (ReplaySource.Cursor cursor = source.open()) {
        for (DumpRecord record = cursor.next(); record != null; record = cursor.next()) {
          ProducerRecord<byte[], byte[]> out = toProducerRecord(record, shift);
          long eventTime = out.timestamp() * 1_000_000L;
          Event event = decodeOrNull(record.value());
          if (event != null) {
            events++;
            if (pass == 1) {
              firstTime = Math.min(firstTime, event.eventTimeNanos());
              lastTime = Math.max(lastTime, event.eventTimeNanos());
            }
            eventTime = event.eventTimeNanos() + shift;
          }
          pacer.await(eventTime);
          if (failure.get() != null) {
            break;
          }
          producer.send(
              out,
              (metadata, e) -> {
                if (e != null) {
                  failure.compareAndSet(null, e);
                } else {
                  acked.incrementAndGet();
                }
              });
          sent++;
          progress.update(sent, total * Math.max(1, passes), System.nanoTime() - start);
        }
      }
      if (failure.get() != null) {
        break;
      }
      long span = lastTime >= firstTime ? lastTime - firstTime : 0;
      shift += span + LOOP_GAP_NANOS;
    }
    producer.flush();
    if (failure.get() != null) {
      throw new IOException("sending to " + topic + " failed: " + failure.get(), failure.get());
    }
    ReplaySummary summary =
        new ReplaySummary(
            acked.get(),
            events,
            pass,
            System.nanoTime() - start,
            lastTime >= firstTime ? lastTime - firstTime : 0,
            topic);
    progress.finish(summary);
    return summary;
  }

  private ProducerRecord<byte[], byte[]> toProducerRecord(DumpRecord record, long shift) {
    Event event = decodeOrNull(record.value());
    if (event == null || event.eventTimeNanos() + shift < 0) {
      return new ProducerRecord<>(
          topic, null, Math.max(0, record.timestampMs()), record.key(), record.value());
    }
    Event replayed = event;
    if (stream.isPresent() && !stream.get().equals(event.stream())) {
      replayed =
          new Event(
              event.run(),
              event.lumisection(),
              event.eventNumber(),
              event.eventTimeNanos(),
              stream.get(),
              event.met(),
              event.electrons(),
              event.muons(),
              event.jets());
    }
    if (shift != 0) {
      replayed = replayed.withTime(replayed.eventTimeNanos() + shift);
    }
    byte[] value = replayed == event ? record.value() : EventCodec.encode(replayed);
    return new ProducerRecord<>(
        topic,
        null,
        Math.floorDiv(replayed.eventTimeNanos(), 1_000_000L),
        replayed.stream().getBytes(StandardCharsets.UTF_8),
        value);
  }

  private static Event decodeOrNull(byte[] value) {
    try {
      return EventCodec.decode(value);
    } catch (EventDecodeException e) {
      return null;
    } catch (IllegalArgumentException e) {
      return null; // an event the Event record refuses
    }
  }
}
