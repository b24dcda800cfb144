package io.trigmon.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The measured figures of one pipeline benchmark run.
 *
 * @param machine cores and load before and after
 * @param nplm the NPLM test as configured, timed directly (outside Flink)
 * @param preloadSeconds time to produce the pre-loaded events
 * @param raw (a) a plain Kafka consumer reading the pre-loaded topic
 * @param trivial (b) the decode + window-count Flink job
 * @param monitor (c) the full monitor job
 * @param monitorWindows window results of (c) and the events they counted
 * @param live the latency stage and, when run, the overload stage
 * @param profile the JFR profile of (c), or null
 */
record PipelineFigures(
    Machine machine,
    Nplm nplm,
    double preloadSeconds,
    Throughput raw,
    Throughput trivial,
    Throughput monitor,
    Counted monitorWindows,
    Live live,
    JfrProfile.Summary profile) {

  /** Cores, JVM, and the load average (1, 5, 15 min) at start and end. */
  record Machine(int cores, String javaVersion, double[] loadStart, double[] loadEnd) {
    static double[] loadAverage() {
      try {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
        return new double[] {
          Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2])
        };
      } catch (IOException | RuntimeException e) {
        double one = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return new double[] {one, Double.NaN, Double.NaN};
      }
    }

    String load(double[] load) {
      return Arrays.stream(load)
          .mapToObj(v -> String.format(Locale.ROOT, "%.2f", v))
          .reduce((a, b) -> a + " " + b)
          .orElse("");
    }
  }

  /**
   * @param referenceEvents N_R
   * @param centres M
   * @param rank rank of the Nyström basis
   * @param windowDileptons N_D of a pre-loaded window
   * @param prepareSeconds preparation of the reference (once per task)
   * @param secondsPerWindow median wall time of one window test
   * @param windowsTimed windows timed
   */
  record Nplm(
      int referenceEvents,
      int centres,
      int rank,
      int windowDileptons,
      double prepareSeconds,
      double secondsPerWindow,
      int windowsTimed,
      List<String> shapeNuisances) {}

  /**
   * Events read, the seconds from the first record to the end, and the CPU seconds the benchmark's
   * JVM (the reader, or the MiniCluster's tasks) used over that span.
   */
  record Throughput(long events, double seconds, double startupSeconds, double cpuSeconds) {
    double rate() {
      return events / seconds;
    }

    /** CPU time of the benchmark's JVM per event over the same span, in µs. */
    double cpuMicrosPerEvent() {
      return cpuSeconds * 1e6 / events;
    }
  }

  /** Window results and the events they counted. */
  record Counted(int windows, long events) {}

  /**
   * The live run: the monitor reading a topic while events are produced in real time.
   *
   * @param window window length of the live run (ms)
   * @param latency stage at half the sustainable rate
   * @param overload stage at twice it, or null
   * @param latencyMillis latency of each full window of the latency stage (ms, sorted)
   * @param latencyParts that latency taken apart with the job's milestones
   * @param overloadLatencyMillis the same for the overload stage (sorted)
   * @param windowsProduced windows the producer sent events to (both stages)
   * @param windowsReported of those, windows with a result
   * @param windowsMatching of those, windows whose count equals what was sent
   * @param eventsProduced events sent (both stages)
   * @param eventsCounted events counted by the results of those windows
   * @param peakLag largest consumer lag seen (records)
   * @param drainSeconds end of production → lag 0 (committed offsets), NaN if it never drained
   * @param lastResultSeconds end of production → the last window's result visible
   * @param failedSends sends the broker did not acknowledge
   */
  record Live(
      long window,
      PacedProducer.Stage latency,
      PacedProducer.Stage overload,
      double[] latencyMillis,
      LatencyParts latencyParts,
      double[] overloadLatencyMillis,
      int windowsProduced,
      int windowsReported,
      int windowsMatching,
      long eventsProduced,
      long eventsCounted,
      long peakLag,
      double drainSeconds,
      double lastResultSeconds,
      long failedSends) {}

  /**
   * A window-result latency taken apart, per window (ms, each array sorted on its own): the parts
   * add up to the latency of each window.
   *
   * @param firing window end + out-of-orderness → the NPLM test starts: the watermark's emission
   *     interval, the scoring micro-batch, the window firing and its sample
   * @param test the NPLM test (with calibration), timed inside the job
   * @param barrierWait the result is emitted → the next checkpoint barrier reaches its task
   * @param checkpoint that barrier → the checkpoint completed (alignment, snapshot,
   *     acknowledgements)
   * @param commit checkpoint complete → visible to the read-committed reader (the Kafka transaction
   *     commit and the reader's fetch)
   */
  record LatencyParts(
      double[] firing, double[] test, double[] barrierWait, double[] checkpoint, double[] commit) {

    static LatencyParts of(List<double[]> windows) {
      return new LatencyParts(
          column(windows, 0),
          column(windows, 1),
          column(windows, 2),
          column(windows, 3),
          column(windows, 4));
    }

    private static double[] column(List<double[]> windows, int c) {
      return windows.stream().mapToDouble(w -> w[c]).sorted().toArray();
    }
  }

  /** The q-quantile (type 7) of sorted values, NaN when there are none. */
  static double quantile(double[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
