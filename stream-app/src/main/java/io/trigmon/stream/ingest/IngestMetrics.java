package io.trigmon.stream.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.trigmon.event.Reason;
import io.trigmon.metrics.TrigmonMetric;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ingest counters (DESIGN §7). In Prometheus form:
 *
 * <ul>
 *   <li>{@code trigmon_events_total{stream}}: valid events passed on, per stream key. Stream keys
 *       come from the input, so at most {@link #MAX_STREAM_LABELS} distinct ones get a label; the
 *       rest are counted under {@value #OTHER_STREAMS}.
 *   <li>{@code trigmon_dlq_events_total{reason}}: records sent to the dead-letter topic, per reason
 *       code. Every reason is registered at zero from the start, so a rate is defined before the
 *       first bad record.
 * </ul>
 *
 * Counters count processing, not commits: after a crash under exactly-once a re-processed record is
 * counted again although it is written once.
 */
public final class IngestMetrics {

  /** Micrometer name of the valid-event counter ({@code trigmon_events_total}). */
  public static final String EVENTS = TrigmonMetric.EVENTS.micrometerName();

  /** Micrometer name of the dead-letter counter ({@code trigmon_dlq_events_total}). */
  public static final String DLQ_EVENTS = TrigmonMetric.DLQ_EVENTS.micrometerName();

  /** Most stream keys that get a label of their own. */
  public static final int MAX_STREAM_LABELS = 200;

  /** Stream label of the events beyond {@link #MAX_STREAM_LABELS} keys. */
  public static final String OTHER_STREAMS = "_other";

  private final MeterRegistry registry;
  private final Map<Reason, Counter> dlqByReason = new EnumMap<>(Reason.class);
  private final Counter processingErrors;
  private final Map<String, Counter> eventsByStream = new ConcurrentHashMap<>();

  public IngestMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (Reason reason : Reason.values()) {
      dlqByReason.put(reason, dlqCounter(reason.code()));
    }
    processingErrors = dlqCounter(DeadLetter.PROCESSING_ERROR);
  }

  private Counter dlqCounter(String code) {
    return Counter.builder(DLQ_EVENTS)
        .description(TrigmonMetric.DLQ_EVENTS.help())
        .tag("reason", code)
        .register(registry);
  }

  /** Counts a valid event of a stream. */
  public void valid(String stream) {
    Counter counter = eventsByStream.get(stream);
    if (counter == null) {
      String label = eventsByStream.size() < MAX_STREAM_LABELS ? stream : OTHER_STREAMS;
      counter =
          eventsByStream.computeIfAbsent(
              label,
              s ->
                  Counter.builder(EVENTS)
                      .description(TrigmonMetric.EVENTS.help())
                      .tag("stream", s)
                      .register(registry));
    }
    counter.increment();
  }

  /** Counts a rejected record. */
  public void rejected(Reason reason) {
    dlqByReason.get(reason).increment();
  }

  /** Counts a record whose processing failed unexpectedly. */
  public void processingError() {
    processingErrors.increment();
  }

  /** Valid events so far, by stream label. */
  public Map<String, Double> validCounts() {
    Map<String, Double> counts = new TreeMap<>();
    eventsByStream.forEach((stream, counter) -> counts.put(stream, counter.count()));
    return counts;
  }

  /** Dead-lettered records so far, by reason code (every code, also those still at zero). */
  public Map<String, Double> rejectedCounts() {
    Map<String, Double> counts = new TreeMap<>();
    dlqByReason.forEach((reason, counter) -> counts.put(reason.code(), counter.count()));
    counts.put(DeadLetter.PROCESSING_ERROR, processingErrors.count());
    return counts;
  }

  /** Records rejected for a reason so far. */
  public double rejectedCount(Reason reason) {
    return dlqByReason.get(reason).count();
  }
}
