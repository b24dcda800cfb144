package io.trigmon.flink.functions;

import io.trigmon.flink.records.Luminosity;

/**
 * N(R0) of a window from the luminosity records of its stream: the sum over the records of their
 * expected events inside the window (a constant rate within each record's interval). Only a window
 * the records cover completely gets a count — a partly covered window would be compared with too
 * few expected events — so that the caller can fall back to the configured rate, or to a shape-only
 * test.
 */
public final class ExpectedCount {

  /** Coverage below 1 by more than this (rounding of interval bounds) counts as a gap. */
  static final double COVERAGE_TOLERANCE = 1e-9;

  private ExpectedCount() {}

  /** N(R0) of [start, end), or null when {@code records} do not cover it completely. */
  public static Double of(Iterable<Luminosity> records, long start, long end) {
    double expected = 0;
    long covered = 0;
    for (Luminosity record : records) {
      long overlap = Math.min(end, record.endMillis()) - Math.max(start, record.startMillis());
      if (overlap > 0) {
        covered += overlap;
        expected += record.expectedWithin(start, end);
      }
    }
    // Overlapping records would count twice: such a topic is inconsistent, not more luminous.
    boolean complete = Math.abs(covered - (end - start)) <= COVERAGE_TOLERANCE * (end - start);
    return complete ? expected : null;
  }
}
