package io.trigmon.stream.replay;

/**
 * Decides when each replayed record may be sent: by event time scaled by a speed factor (the gap
 * between two events of 10 ms becomes 0.1 ms at 100×), by a maximum rate, or both (the later of the
 * two). Never early, never catching up by bursts beyond what the targets allow: the target of a
 * record is computed from the first record's wall time, so sleeping too long once does not
 * accumulate drift. Event times going backwards (e.g. records merged from partitions) are sent at
 * once.
 */
public final class Pacer {

  /** The clock and sleep the pacer uses; tests pass a fake one. */
  public interface Clock {
    long nanoTime();

    void sleepNanos(long nanos) throws InterruptedException;

    /** The system clock. */
    Clock SYSTEM =
        new Clock() {
          @Override
          public long nanoTime() {
            return System.nanoTime();
          }

          @Override
          public void sleepNanos(long nanos) throws InterruptedException {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
          }
        };
  }

  /** Sleeps shorter than this are skipped (and caught up with later): timer granularity. */
  private static final long MIN_SLEEP_NANOS = 200_000;

  private final double speed;
  private final double maxRate;
  private final Clock clock;
  private boolean started;
  private long wallStart;
  private long eventStart;
  private long count;

  /**
   * @param speed event-time speed factor (1 = real time), or 0 for no event-time pacing
   * @param maxRate most records per second, or 0 for no limit
   * @param clock the clock
   */
  public Pacer(double speed, double maxRate, Clock clock) {
    if (!(speed >= 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("speed must be a positive number, got " + speed);
    }
    if (!(maxRate >= 0) || Double.isInfinite(maxRate)) {
      throw new IllegalArgumentException("max rate must be a positive number, got " + maxRate);
    }
    this.speed = speed;
    this.maxRate = maxRate;
    this.clock = clock;
  }

  /** No pacing: as fast as the producer goes. */
  public static Pacer unlimited() {
    return new Pacer(0, 0, Clock.SYSTEM);
  }

  /** Waits until the record with this event time may be sent. */
  public void await(long eventTimeNanos) throws InterruptedException {
    long now = clock.nanoTime();
    if (!started) {
      started = true;
      wallStart = now;
      eventStart = eventTimeNanos;
      count = 1;
      return;
    }
    if (speed == 0 && maxRate == 0) {
      return;
    }
    long target = now;
    if (speed > 0) {
      target = Math.max(target, wallStart + (long) ((eventTimeNanos - eventStart) / speed));
    }
    if (maxRate > 0) {
      target = Math.max(target, wallStart + (long) (count * 1e9 / maxRate));
    }
    count++;
    long wait = target - now;
    if (wait >= MIN_SLEEP_NANOS) {
      clock.sleepNanos(wait);
    }
  }

  /** Starts over: the next record is sent at once and becomes the new origin. */
  public void restart() {
    started = false;
  }
}
