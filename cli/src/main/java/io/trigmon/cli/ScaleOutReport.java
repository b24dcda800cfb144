package io.trigmon.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The scale-out report ({@code reports/bench/scale-out.md} and {@code scale-out.png}): events/s and
 * NPLM tests/s of the monitor job per parallelism on the standalone cluster, the configuration that
 * produced them, and how the job maps onto a production Flink cluster.
 */
final class ScaleOutReport {

  static final String MARKDOWN = "scale-out.md";
  static final String PNG = "scale-out.png";

  private ScaleOutReport() {}

  /** Writes both files into {@code dir}. */
  static void write(Path dir, String configuration, List<ScaleOutRun> runs) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(MARKDOWN), markdown(configuration, runs));
      BitmapEncoder.saveBitmap(
          chart(runs), dir.resolve(PNG).toString(), BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report into " + dir, e);
    }
  }

  static String markdown(String configuration, List<ScaleOutRun> runs) {
    StringBuilder md = new StringBuilder();
    md.append("# Scale-out of the monitor job on the standalone cluster\n\n")
        .append("Written by `./trigmon bench scale-out`. ")
        .append(configuration)
        .append("\n\n")
        .append("| parallelism | events | NPLM tests | first event → last result (s) |")
        .append(" events/s | NPLM tests/s | speed-up | sending (s) | first → last result (s) |")
        .append(" largest checkpoint |\n")
        .append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    double base = runs.isEmpty() ? Double.NaN : runs.get(0).eventsPerSecond();
    for (ScaleOutRun r : runs) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %d | %d | %.1f | %,.0f | %.2f | %.2f× | %.1f | %.1f | %s |%n",
              r.parallelism(),
              r.events(),
              r.windows(),
              r.sentToLastMillis() / 1e3,
              r.eventsPerSecond(),
              r.testsPerSecond(),
              r.eventsPerSecond() / base,
              r.sendMillis() / 1e3,
              r.firstToLastMillis() / 1e3,
              kib(r.checkpointBytes())));
    }
    md.append(
        """

        For each parallelism the job is submitted on an empty topic of its own and, once every
        task runs and a first checkpoint completed (sources and transactional sinks ready), the
        whole stream is sent at once (round robin over the partitions); *events/s* and *NPLM
        tests/s* count from the first event sent to the arrival of the last window result at a
        `read_committed` consumer (results are committed at checkpoints, every 1 s, so this is late
        by up to 1 s). The job reads as fast as it can, so the figures are its throughput, not the
        stream's rate, unless *sending* (how long the producer took) comes close to the whole
        span: then the producer is the limit. *first → last result* is the span over which the results arrived (the
        windows of all streams close together, so they come in bursts). Each parallelism runs with
        one TaskManager JVM per subtask (one slot each), so p = 4 spreads the job over four
        processes.
        Windows are keyed by stream: with S streams at most S subtasks test windows, and Flink's
        key-group hashing may give one subtask two streams while another has none, so the speed-up
        is bounded by the busiest subtask.

        ![events/s per parallelism](scale-out.png)

        ## On a production Flink cluster

        * **State per stream.** The window operator keeps, for each open window of a stream (the
          current one, and the previous one until the watermark passes its end plus the allowed
          lateness), only what the test reads (`WindowAccumulator`): the event count, the event time
          and five dilepton features of each event with a lepton pair (48 B) and the autoencoder
          score of every event as a float (4 B). The largest checkpoint above is that state for all
          streams at once (besides source offsets and sink transactions). A lumisection window of
          10⁵ events with 20 % lepton pairs is ≈ 1.4 MB per stream: the heap (hashmap) state
          backend is right; RocksDB pays off only with thousands of streams or very long windows.
        * **Reference sharing.** Every subtask of the NPLM operator loads the model directory and
          prepares the reference once, in `open()`: the Nyström features of the reference (N_R × M
          doubles: 8 MB at N_R = 10⁴, M = 100; 250 MB at N_R = 10⁵, M ≈ 316) plus δ̂ on R. Slots of
          one TaskManager do not share it, so memory grows as slots × N_R × M; with large references
          give each TaskManager few slots (and more TaskManagers), or hold the prepared reference in
          a JVM-wide cache keyed by the reference's SHA-256 (not done).
        * **Memory per TaskManager.** Task heap ≈ slots × prepared reference + the open-window
          state of its streams + Kafka client buffers. With N_R = 10⁵, M ≈ 316 and a few streams of
          10⁵ events per window, a 2 GB TaskManager process holds about 3 slots (the local script
          starts 1 GB TaskManagers, `FLINK_TM_MEMORY`, with managed memory cut to 10 %: the heap
          backend does not use it).
        * **Parallelism.** Scale the NPLM operator with the number of streams (keys); the source with
          the partitions of `events.valid`. Decoding and scoring are per event and scale with the
          source; the NPLM test costs per window and is the part that needs parallel slots when
          many streams close their windows at once (every lumisection).
        * **Recovery.** Checkpoints (exactly-once sinks commit at checkpoints) go to a shared
          filesystem or object store in production (`execution.checkpointing.dir`); a lost
          TaskManager costs a restart from the latest checkpoint, and no window is reported twice
          (see `StandaloneClusterIT`).
        """);
    return md.toString();
  }

  private static String kib(long bytes) {
    return bytes <= 0 ? "–" : String.format(Locale.ROOT, "%.0f KiB", bytes / 1024.0);
  }

  private static XYChart chart(List<ScaleOutRun> runs) {
    XYChart chart =
        new XYChartBuilder()
            .width(640)
            .height(400)
            .title("Monitor job on the standalone cluster")
            .xAxisTitle("parallelism (TaskManagers)")
            .yAxisTitle("events/s")
            .build();
    double[] p = runs.stream().mapToDouble(ScaleOutRun::parallelism).toArray();
    double[] rate = runs.stream().mapToDouble(ScaleOutRun::eventsPerSecond).toArray();
    double[] ideal = runs.stream().mapToDouble(r -> rate[0] * r.parallelism() / p[0]).toArray();
    chart.addSeries("measured", p, rate).setMarker(SeriesMarkers.CIRCLE);
    chart.addSeries("linear", p, ideal).setMarker(SeriesMarkers.NONE);
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
    return chart;
  }
}
