package io.trigmon.stream.replay;

import java.util.Locale;

/**
 * The outcome of a replay.
 *
 * @param records records sent and acknowledged
 * @param events of which decoded as events (the rest were sent unchanged)
 * @param passes passes over the file
 * @param elapsedNanos wall time
 * @param eventSpanNanos event time covered by one pass
 * @param topic the topic written
 */
public record ReplaySummary(
    long records, long events, int passes, long elapsedNanos, long eventSpanNanos, String topic) {

  /** Records per second of wall time. */
  public double rate() {
    return elapsedNanos > 0 ? records / (elapsedNanos / 1e9) : 0;
  }

  /** One line for people. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "Replayed %,d records (%,d events) to %s in %.1f s: %,.0f records/s, %d pass%s,"
            + " %.1f s of event time per pass",
        records,
        events,
        topic,
        elapsedNanos / 1e9,
        rate(),
        passes,
        passes == 1 ? "" : "es",
        eventSpanNanos / 1e9);
  }
}
