package io.trigmon.io;

import io.trigmon.event.Lumisection;
import java.time.Instant;
import java.util.Objects;

/**
 * Where events from a file that does not record it (the public challenge files) are placed in the
 * data-taking: run number, stream key, the time of the first event and a constant event rate. Event
 * {@code i} (from 0) gets event number {@code i + 1}, time {@code start + i / rate} and the
 * lumisection of that time counted from {@code start}.
 *
 * @param run run number given to every event
 * @param stream stream (trigger path) key given to every event
 * @param startNanos time of the first event, ns since the epoch
 * @param rateHz events per second
 */
public record EventStamping(long run, String stream, long startNanos, double rateHz) {

  /** The defaults: run 1, stream {@code "recorded"}, starting 2026-01-01T00:00:00Z at 1 kHz. */
  public static final EventStamping DEFAULT =
      new EventStamping(1, "recorded", nanos(Instant.parse("2026-01-01T00:00:00Z")), 1000.0);

  public EventStamping {
    Objects.requireNonNull(stream, "stream");
    if (!(rateHz > 0) || Double.isInfinite(rateHz)) {
      throw new IllegalArgumentException("event rate must be positive and finite, got " + rateHz);
    }
  }

  /** These stamps with another start time (e.g. now, so that a broker's retention keeps them). */
  public EventStamping startingAt(Instant start) {
    return new EventStamping(run, stream, nanos(start), rateHz);
  }

  /** These stamps with another event rate. */
  public EventStamping atRate(double newRateHz) {
    return new EventStamping(run, stream, startNanos, newRateHz);
  }

  /** These stamps with another run number and stream key. */
  public EventStamping forStream(long newRun, String newStream) {
    return new EventStamping(newRun, newStream, startNanos, rateHz);
  }

  /** Time of event {@code index} (from 0), ns since the epoch. */
  public long timeNanos(long index) {
    return startNanos + Math.round(index * 1e9 / rateHz);
  }

  /** Lumisection of event {@code index}, counted from the start time. */
  public int lumisection(long index) {
    return Lumisection.of(timeNanos(index), startNanos);
  }

  private static long nanos(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
  }
}
