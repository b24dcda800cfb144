package io.trigmon.stream.live;

import io.trigmon.stream.ingest.IngestMetrics;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Event and dead-letter rates for the live page, from periodic samples of the stream app's ingest
 * counters ({@code trigmon_events_total{stream}}, {@code trigmon_dlq_events_total{reason}}): the
 * rate over each sampling interval is the counters' increase divided by its length, as Prometheus'
 * {@code rate()} would give from the same two scrapes. The newest {@code capacity} samples are
 * kept. Thread-safe.
 */
public final class IngestRates {

  /**
   * The rates over one sampling interval, in records per second.
   *
   * @param timeMillis end of the interval, ms since the epoch
   * @param events valid events per second by stream
   * @param dlq dead-lettered records per second by reason code (only reasons with any)
   */
  public record Point(long timeMillis, Map<String, Double> events, Map<String, Double> dlq) {
    public Point {
      events = Map.copyOf(events);
      dlq = Map.copyOf(dlq);
    }
  }

  private record Sample(long timeMillis, Map<String, Double> events, Map<String, Double> dlq) {}

  private final IngestMetrics metrics;
  private final int capacity;
  private final Deque<Sample> samples = new ArrayDeque<>();

  public IngestRates(IngestMetrics metrics, int capacity) {
    if (capacity < 2) {
      throw new IllegalArgumentException("capacity must be at least 2, got " + capacity);
    }
    this.metrics = metrics;
    this.capacity = capacity;
  }

  /** Reads the counters now; samples not later than the last one are ignored. */
  public synchronized void sample(long nowMillis) {
    if (!samples.isEmpty() && nowMillis <= samples.peekLast().timeMillis()) {
      return;
    }
    samples.addLast(new Sample(nowMillis, metrics.validCounts(), metrics.rejectedCounts()));
    while (samples.size() > capacity) {
      samples.removeFirst();
    }
  }

  /** The rate over every interval between consecutive samples, oldest first. */
  public synchronized List<Point> points() {
    List<Point> points = new ArrayList<>();
    Sample previous = null;
    for (Sample s : samples) {
      if (previous != null) {
        double seconds = (s.timeMillis() - previous.timeMillis()) / 1000.0;
        points.add(
            new Point(
                s.timeMillis(),
                rates(previous.events(), s.events(), seconds, true),
                rates(previous.dlq(), s.dlq(), seconds, false)));
      }
      previous = s;
    }
    return points;
  }

  private static Map<String, Double> rates(
      Map<String, Double> before, Map<String, Double> after, double seconds, boolean keepZero) {
    Map<String, Double> rates = new TreeMap<>();
    after.forEach(
        (name, count) -> {
          double rate = Math.max(0, count - before.getOrDefault(name, 0.0)) / seconds;
          if (keepZero || rate > 0) {
            rates.put(name, rate);
          }
        });
    return rates;
  }
}
