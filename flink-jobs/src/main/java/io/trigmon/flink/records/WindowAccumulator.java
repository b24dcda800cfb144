package io.trigmon.flink.records;

import io.trigmon.event.DileptonFeatures;
import java.util.Arrays;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * The state of one open window of one stream: only what its {@link WindowSample} needs, filled one
 * event at a time — the event count, the event time and five NPLM features of each event with a
 * lepton pair, and the autoencoder score of every event as a float. About 4 bytes per event plus 48
 * per lepton pair, in a handful of primitive arrays, instead of a list of every {@link ScoredEvent}
 * (~150 B of heap each) that a checkpoint would write again and again.
 *
 * <p>Mutable, as a Flink aggregate accumulator is: {@link #add} appends in arrival order; {@link
 * #sample} puts the pairs in canonical order (event time, then features), so the sample never
 * depends on arrival order. Serialised by {@link WindowAccumulatorSerializer}.
 */
@TypeInfo(WindowAccumulatorSerializer.TypeInfoFactory.class)
public final class WindowAccumulator {

  /** Features per lepton pair. */
  public static final int WIDTH = DileptonFeatures.DIMENSION;

  private static final int INITIAL = 1024;

  private int events;
  private int pairs;
  private long[] times;
  private double[] features;
  private float[] scores;

  /** An empty window. */
  public WindowAccumulator() {
    this(0, 0, new long[0], new double[0], new float[0]);
  }

  /**
   * A window from its arrays (the serializer's restore): the first {@code events} scores, the first
   * {@code pairs} times and {@code pairs × WIDTH} features are used, the rest is spare capacity.
   */
  WindowAccumulator(int events, int pairs, long[] times, double[] features, float[] scores) {
    this.events = events;
    this.pairs = pairs;
    this.times = times;
    this.features = features;
    this.scores = scores;
  }

  /** Counts one event, keeping its score and, if it has a lepton pair, its time and features. */
  public WindowAccumulator add(ScoredEvent event) {
    addScore(event.aeScore());
    if (event.hasDilepton()) {
      double[] x = event.dilepton();
      if (x.length != WIDTH) {
        throw new IllegalArgumentException(
            "a lepton pair has " + WIDTH + " features, got " + x.length);
      }
      addPair(event.eventTimeNanos(), x, 0);
    }
    return this;
  }

  /** Adds every event of {@code other} (merging windows). */
  public WindowAccumulator addAll(WindowAccumulator other) {
    for (int e = 0; e < other.events; e++) {
      addScore(other.scores[e]);
    }
    for (int p = 0; p < other.pairs; p++) {
      addPair(other.times[p], other.features, p * WIDTH);
    }
    return this;
  }

  private void addScore(float score) {
    if (events == scores.length) {
      scores = Arrays.copyOf(scores, grow(scores.length));
    }
    scores[events++] = score;
  }

  private void addPair(long time, double[] x, int from) {
    if (pairs == times.length) {
      times = Arrays.copyOf(times, grow(times.length));
      features = Arrays.copyOf(features, times.length * WIDTH);
    }
    times[pairs] = time;
    System.arraycopy(x, from, features, pairs * WIDTH, WIDTH);
    pairs++;
  }

  private static int grow(int length) {
    return Math.max(INITIAL, length + (length >> 1));
  }

  /** Every event counted. */
  public int events() {
    return events;
  }

  /** Events with a lepton pair. */
  public int pairs() {
    return pairs;
  }

  /** Event time (ns) of the {@code p}-th pair in arrival order. */
  long time(int p) {
    return times[p];
  }

  /**
   * The features of every pair in arrival order, {@link #WIDTH} per pair (spare capacity after).
   */
  double[] features() {
    return features;
  }

  /** The scores of every event in arrival order (spare capacity after). */
  float[] scores() {
    return scores;
  }

  /** A deep copy, trimmed to size. */
  public WindowAccumulator copy() {
    return new WindowAccumulator(
        events,
        pairs,
        Arrays.copyOf(times, pairs),
        Arrays.copyOf(features, pairs * WIDTH),
        Arrays.copyOf(scores, events));
  }

  /**
   * The window's sample: its pairs in canonical order — event time, then the features compared one
   * by one as {@link Double#compare} does — and its scores. Two events with equal time and features
   * give equal rows, so the order of the rows, hence the sample, is the same for every arrival
   * order.
   */
  public WindowSample sample(String stream, long startMillis, long endMillis) {
    Integer[] order = new Integer[pairs];
    for (int p = 0; p < pairs; p++) {
      order[p] = p;
    }
    Arrays.sort(order, this::compareRows);
    double[][] rows = new double[pairs][];
    for (int r = 0; r < pairs; r++) {
      int from = order[r] * WIDTH;
      rows[r] = Arrays.copyOfRange(features, from, from + WIDTH);
    }
    return new WindowSample(
        stream, startMillis, endMillis, events, rows, Arrays.copyOf(scores, events), null);
  }

  private int compareRows(int a, int b) {
    int byTime = Long.compare(times[a], times[b]);
    if (byTime != 0) {
      return byTime;
    }
    return Arrays.compare(
        features, a * WIDTH, a * WIDTH + WIDTH, features, b * WIDTH, b * WIDTH + WIDTH);
  }
}
