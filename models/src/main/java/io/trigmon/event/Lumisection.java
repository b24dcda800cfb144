package io.trigmon.event;

/**
 * The LHC's unit of data-taking time: 2^18 orbits of 3564 bunch crossings at 25 ns, about 23.31 s.
 * Windows and recorded files count time in lumisections.
 */
public final class Lumisection {

  /** One LHC orbit: 3564 bunch slots of 24.95 ns (40.079 MHz bunch clock), 88.924 µs. */
  public static final double ORBIT_SECONDS = 3564 / 40.079e6;

  /** Orbits in one lumisection. */
  public static final long ORBITS = 1L << 18;

  /** Length of one lumisection in nanoseconds (≈ 23.31 s). */
  public static final long NANOS = Math.round(ORBITS * ORBIT_SECONDS * 1e9);

  private Lumisection() {}

  /** The lumisection number that contains the given time, counted from {@code runStartNanos}. */
  public static int of(long eventTimeNanos, long runStartNanos) {
    return (int) (Math.floorDiv(eventTimeNanos - runStartNanos, NANOS) + 1);
  }
}
