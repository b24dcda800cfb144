package io.trigmon.flink.functions;

import io.trigmon.flink.MonitorMetrics;
import io.trigmon.flink.records.ScoredEvent;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where events go that reach the window stage after their window has closed (the watermark passed
 * its end plus the allowed lateness): they can no longer be tested, and Flink would drop them
 * without a trace. This sink makes them visible to the operator — {@code
 * trigmon_late_events_total{stream}} and one warning per stream and subtask naming the first one —
 * because a window tested short of its events is a wrong result, not a slow one. The events carry
 * no source bytes past decoding, so they are counted rather than sent to {@code events.dlq}.
 */
public final class CountLateEvents implements Sink<ScoredEvent> {

  private static final Logger LOG = LoggerFactory.getLogger(CountLateEvents.class);

  @Override
  public SinkWriter<ScoredEvent> createWriter(WriterInitContext context) {
    return new Writer();
  }

  private static final class Writer implements SinkWriter<ScoredEvent> {

    private final Set<String> warned = new HashSet<>();

    @Override
    public void write(ScoredEvent event, Context context) {
      MonitorMetrics.lateEvent(event.stream());
      if (warned.add(event.stream())) {
        LOG.warn(
            "stream {}: an event of {} arrived after its window had closed and is not tested"
                + " (counted in trigmon_late_events_total; a source partition stalled longer than"
                + " the idleness timeout, or the allowed lateness is too short for this input)",
            event.stream(),
            Instant.ofEpochSecond(0, event.eventTimeNanos()));
      }
    }

    @Override
    public void flush(boolean endOfInput) {}

    @Override
    public void close() {}
  }
}
