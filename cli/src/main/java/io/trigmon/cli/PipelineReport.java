package io.trigmon.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/**
 * Writes a pipeline benchmark's figures as {@code pipeline.md} (command, machine, goals with their
 * verdicts, throughput, latency, backpressure, profile) and {@code pipeline.png} (events/s of the
 * three readers).
 */
final class PipelineReport {

  /** Goal of issue 8: the monitor keeps at least this fraction of the trivial job's rate. */
  static final double GOAL_TRIVIAL_RATIO = 0.5;

  /** Goal of issue 8: sustained events/s of the full monitor on this 2-core machine. */
  static final double GOAL_RATE = 250_000;

  /** Goal of issue 8: p99 window-result latency within this multiple of the NPLM test time. */
  static final double GOAL_LATENCY_MULTIPLE = 2;

  static final String MARKDOWN = "pipeline.md";
  static final String PLOT = "pipeline.png";

  private PipelineReport() {}

  static void write(Path dir, String commandLine, PipelineBenchSettings settings, PipelineFigures f)
      throws IOException {
    Files.createDirectories(dir);
    plot(dir.resolve(PLOT), f);
    Files.writeString(dir.resolve(MARKDOWN), markdown(commandLine, settings, f));
  }

  static String markdown(String commandLine, PipelineBenchSettings s, PipelineFigures f) {
    StringBuilder md = new StringBuilder();
    PipelineFigures.Machine m = f.machine();
    line(md, "# Pipeline benchmark");
    line(md, "");
    line(md, "Generated %s by `%s`.", Instant.now().truncatedTo(ChronoUnit.SECONDS), commandLine);
    line(md, "");
    line(md, "## Machine");
    line(md, "");
    line(
        md,
        "%d cores, Java %s. Load average (1, 5, 15 min) at start: %s; at end: %s.",
        m.cores(),
        m.javaVersion(),
        m.load(m.loadStart()),
        m.load(m.loadEnd()));
    line(md, "On a shared machine the absolute figures are pessimistic; the ratios, measured in");
    line(md, "the same run on the same broker, are the more robust reading.");
    line(md, "");
    line(md, "## Set-up");
    line(md, "");
    line(
        md,
        "* One embedded Kafka broker (child JVM, loopback), topics of %d partitions; Flink",
        s.parallelism());
    line(
        md,
        "  local MiniCluster in this JVM at parallelism %d, exactly-once checkpoints every %s"
            + " (the live monitor: every %s).",
        s.parallelism(),
        human(s.checkpointInterval()),
        human(s.latencyCheckpointInterval()));
    line(
        md,
        "* %,d encoded events pre-loaded, %d streams, %,d events per 10 s window per stream,",
        s.events(),
        s.streams(),
        s.windowEvents());
    line(
        md,
        "  %.0f %% of them with a Drell–Yan lepton pair (N_D = %,d per window, the events the",
        100 * s.dileptonFraction(),
        s.windowDileptons());
    line(md, "  NPLM test reads), the rest Standard-Model events without one.");
    line(md, "* Monitor models: autoencoder 57-32-16-8-16-32-57 (fixed random weights: scoring");
    line(
        md,
        "  costs the same as trained), kernel NPLM with N_R = %,d, M = %d (rank %d), the",
        f.nplm().referenceEvents(),
        f.nplm().centres(),
        f.nplm().rank());
    line(
        md,
        "  normalisation nuisance constrained (σ_N = 2.5 %%, N(R0) = N_D), %s.",
        s.toys() > 0
            ? "null calibration of " + s.toys() + " toys (p and Z per window)"
            : "no calibration");
    line(
        md,
        "  %s",
        f.nplm().shapeNuisances().isEmpty()
            ? "No shape nuisance: the default δ̂ model (models/default/nuisance) was not found."
            : "Shape nuisances "
                + f.nplm().shapeNuisances()
                + " from the default δ̂ model (models/default/nuisance): every window is tested"
                + " with t = τ − Δ, calibration toys at ν* = 0, ±1.");
    line(
        md,
        "* Out-of-orderness %s, allowed lateness 0, watermarks advanced every %s.",
        human(s.outOfOrderness()),
        human(s.watermarkInterval()));
    line(md, "");
    line(md, "## Goals (issue 8)");
    line(md, "");
    double ratioTrivial = f.monitor().rate() / f.trivial().rate();
    double p99 = PipelineFigures.quantile(f.live().latencyMillis(), 0.99) / 1e3;
    double nplmSeconds = f.nplm().secondsPerWindow();
    line(md, "| goal | measured | met |");
    line(md, "|---|---:|:---:|");
    line(
        md,
        "| full monitor ≥ %.1f × the trivial Flink job | %.2f × | %s |",
        GOAL_TRIVIAL_RATIO,
        ratioTrivial,
        yes(ratioTrivial >= GOAL_TRIVIAL_RATIO));
    line(
        md,
        "| full monitor ≥ %,.0f events/s sustained | %,.0f events/s | %s |",
        GOAL_RATE,
        f.monitor().rate(),
        yes(f.monitor().rate() >= GOAL_RATE));
    line(
        md,
        "| p99 result latency ≤ %.0f × NPLM test time (%.3f s) | %.3f s = %.1f × | %s |",
        GOAL_LATENCY_MULTIPLE,
        nplmSeconds,
        p99,
        p99 / nplmSeconds,
        yes(p99 <= GOAL_LATENCY_MULTIPLE * nplmSeconds));
    line(md, "");
    line(md, "## Throughput");
    line(md, "");
    line(
        md,
        "Each reader reads the same %,d pre-loaded events from the same topic; rates are",
        s.events());
    line(md, "counted from the first record read to the end of the job (the last window result");
    line(md, "committed), so start-up (MiniCluster, model loading) is excluded and shown apart.");
    line(
        md,
        "Pre-loading took %.1f s (%,.0f events/s produced).",
        f.preloadSeconds(),
        s.events() / f.preloadSeconds());
    line(md, "");
    line(
        md,
        "| reader | events | seconds | events/s | start-up s | CPU µs/event | monitor ÷ this |");
    line(md, "|---|---:|---:|---:|---:|---:|---:|");
    row(md, "(a) Kafka consumer, raw bytes", f.raw(), f.monitor());
    row(md, "(b) Flink: decode + window count", f.trivial(), f.monitor());
    row(md, "(c) Flink: full monitor", f.monitor(), f.monitor());
    line(md, "");
    line(
        md,
        "CPU µs/event: CPU time of the benchmark's JVM (reader or MiniCluster, all its threads,"
            + " not the broker's) over the same span, per event. On a shared machine it moves less"
            + " than the rates: (b) ÷ (c) by CPU is %.2f.",
        f.trivial().cpuMicrosPerEvent() / f.monitor().cpuMicrosPerEvent());
    line(md, "");
    line(
        md,
        "(c) reported %d windows counting %,d events (expected %,d).",
        f.monitorWindows().windows(),
        f.monitorWindows().events(),
        s.events());
    line(
        md,
        "NPLM test of one window timed directly (median of %d, outside Flink): %.3f s;",
        f.nplm().windowsTimed(),
        nplmSeconds);
    line(md, "reference preparation %.2f s (once per task).", f.nplm().prepareSeconds());
    line(md, "");
    line(md, "![events per second](%s)", PLOT);
    line(md, "");
    PipelineFigures.Live live = f.live();
    line(md, "## Window-result latency");
    line(md, "");
    line(md, "The monitor reads a second topic while events are produced in real time (event time");
    line(
        md,
        "= send time) at half of (c)'s rate: target %,.0f, achieved %,.0f events/s for %.0f s,",
        live.latency().targetRate(),
        live.latency().achievedRate(),
        live.latency().seconds());
    line(
        md,
        "windows of %d ms (as many events as a pre-loaded window, or less so that the stage",
        live.window());
    line(
        md,
        "holds at least three windows: N_D ≈ %,.0f here). Latency =",
        live.latency().targetRate() * live.window() / 1e3 / s.streams() * s.dileptonFraction());
    line(md, "result visible to a read-committed consumer of the results topic − (window end +");
    line(md, "out-of-orderness), i.e. from the moment the watermark can pass the window's end. It");
    line(md, "includes the NPLM test and the wait for the checkpoint that commits the result");
    line(
        md,
        "(exactly-once: up to one checkpoint interval, %s).",
        human(s.latencyCheckpointInterval()));
    line(md, "");
    line(md, "| stage | windows | p50 s | p99 s | NPLM test s | p99 ÷ NPLM |");
    line(md, "|---|---:|---:|---:|---:|---:|");
    latencyRow(md, "½ × sustainable", live.latencyMillis(), nplmSeconds);
    if (live.overload() != null) {
      latencyRow(md, "2 × sustainable (overload)", live.overloadLatencyMillis(), nplmSeconds);
    }
    line(md, "");
    latencyParts(md, live.latencyParts(), s);
    line(md, "");
    line(md, "## Backpressure");
    line(md, "");
    if (live.overload() == null) {
      line(md, "Not run (`--backpressure` not given).");
    } else {
      PacedProducer.Stage o = live.overload();
      line(md, "Right after the latency stage the producer went to twice (c)'s rate: target");
      line(
          md,
          "%,.0f, achieved %,.0f events/s for %.0f s. Then one event per stream and",
          o.targetRate(),
          o.achievedRate(),
          o.seconds());
      line(
          md,
          "partition two windows ahead closed every window, and the run waited for the results.");
      line(md, "");
      line(md, "| check | value |");
      line(md, "|---|---:|");
      line(md, "| windows produced (both stages) | %d |", live.windowsProduced());
      line(md, "| windows with a result | %d |", live.windowsReported());
      line(md, "| windows whose count = events sent | %d |", live.windowsMatching());
      line(
          md,
          "| events sent / counted in results | %,d / %,d |",
          live.eventsProduced(),
          live.eventsCounted());
      line(md, "| sends not acknowledged | %d |", live.failedSends());
      line(
          md,
          "| nothing lost | %s |",
          yes(
              live.windowsMatching() == live.windowsProduced()
                  && live.eventsCounted() == live.eventsProduced()));
      line(md, "| peak consumer lag (records) | %,d |", live.peakLag());
      line(
          md,
          "| lag drained (committed offsets) after end of production | %s |",
          Double.isNaN(live.drainSeconds())
              ? "never (timeout)"
              : String.format(Locale.ROOT, "%.1f s", live.drainSeconds()));
      line(
          md,
          "| last window result visible after end of production | %.1f s |",
          live.lastResultSeconds());
      line(md, "");
      line(md, "Committed offsets trail consumption: Flink's Kafka source commits them when a");
      line(md, "checkpoint completes, from its fetcher thread, which on an idle topic waits in a");
      line(
          md,
          "poll of up to 10 s first. So the committed lag reaches 0 up to ~10 s after the last");
      line(md, "record was read; the last window's result (it needs the last records read) is the");
      line(md, "tighter bound on when the backlog was consumed.");
    }
    line(md, "");
    line(md, "## Profile of the monitor phase (c)");
    line(md, "");
    if (f.profile() == null) {
      line(md, "Not profiled (`--profile` not given).");
    } else {
      JfrProfile.Summary p = f.profile();
      line(
          md,
          "Java Flight Recorder method sampling (10 ms) of this JVM during (c): %,d samples.",
          p.samples());
      line(md, "Self = the method on top of the stack; in trigmon code = the deepest trigmon");
      line(md, "method on the stack (charging JDK callees such as `Math.exp` to their caller).");
      line(md, "");
      line(md, "By part of the pipeline: a stack counts for the NPLM test, the autoencoder or");
      line(md, "checkpoints if any of its frames is in one (in that order), else for the part of");
      line(md, "its innermost frame that is in one (serialisation, decoding, metrics, window");
      line(md, "operator, Kafka clients), else for \"other\":");
      line(md, "");
      line(md, "| part | share |");
      line(md, "|---|---:|");
      for (JfrProfile.HotSpot part : p.parts()) {
        line(md, "| %s | %s |", part.method(), pct(part.share()));
      }
      line(md, "");
      line(md, "Hot spots:");
      line(md, "");
      line(md, "| self | share | in trigmon code | share |");
      line(md, "|---|---:|---|---:|");
      List<JfrProfile.HotSpot> self = p.self();
      List<JfrProfile.HotSpot> trig = p.trigmon();
      for (int i = 0; i < Math.max(self.size(), trig.size()); i++) {
        line(
            md,
            "| %s | %s | %s | %s |",
            i < self.size() ? "`" + self.get(i).method() + "`" : "",
            i < self.size() ? pct(self.get(i).share()) : "",
            i < trig.size() ? "`" + trig.get(i).method() + "`" : "",
            i < trig.size() ? pct(trig.get(i).share()) : "");
      }
    }
    return md.toString();
  }

  /** The latency of the ½ × stage taken apart with the job's own milestones. */
  private static void latencyParts(
      StringBuilder md, PipelineFigures.LatencyParts parts, PipelineBenchSettings s) {
    line(md, "Where it goes (½ × stage, per window, measured inside the job; p50 and p99 of each");
    line(md, "part on its own, so the columns need not add up):");
    line(md, "");
    line(md, "| part | p50 s | p99 s | bounded by |");
    line(md, "|---|---:|---:|---|");
    partRow(
        md,
        "window end + out-of-orderness → NPLM test starts",
        parts.firing(),
        "watermark interval ("
            + human(s.watermarkInterval())
            + "), scoring micro-batch (≤ 50 ms), network buffers (≤ 10 ms), window firing and"
            + " sample, the tests of windows of other streams on the same subtask that closed at"
            + " the same time");
    partRow(md, "NPLM test (with calibration), inside the job", parts.test(), "the test");
    partRow(
        md,
        "result emitted → next checkpoint barrier",
        parts.barrierWait(),
        "checkpoint interval (" + human(s.latencyCheckpointInterval()) + ")");
    partRow(
        md,
        "barrier → checkpoint complete",
        parts.checkpoint(),
        "barrier alignment, state snapshot, acknowledgements");
    partRow(
        md,
        "checkpoint complete → visible to the reader",
        parts.commit(),
        "Kafka transaction commit, reader's fetch");
  }

  private static void partRow(StringBuilder md, String part, double[] ms, String bound) {
    line(
        md,
        "| %s | %.3f | %.3f | %s |",
        part,
        PipelineFigures.quantile(ms, 0.5) / 1e3,
        PipelineFigures.quantile(ms, 0.99) / 1e3,
        bound);
  }

  private static void row(
      StringBuilder md, String name, PipelineFigures.Throughput t, PipelineFigures.Throughput c) {
    line(
        md,
        "| %s | %,d | %.2f | %,.0f | %.1f | %.2f | %.2f |",
        name,
        t.events(),
        t.seconds(),
        t.rate(),
        t.startupSeconds(),
        t.cpuMicrosPerEvent(),
        c.rate() / t.rate());
  }

  private static void latencyRow(StringBuilder md, String stage, double[] ms, double nplm) {
    double p50 = PipelineFigures.quantile(ms, 0.5) / 1e3;
    double p99 = PipelineFigures.quantile(ms, 0.99) / 1e3;
    line(
        md,
        "| %s | %d | %.3f | %.3f | %.3f | %.1f |",
        stage,
        ms.length,
        p50,
        p99,
        nplm,
        p99 / nplm);
  }

  private static void plot(Path file, PipelineFigures f) throws IOException {
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(640)
            .height(400)
            .title("Events per second, same topic, same broker")
            .yAxisTitle("events/s")
            .build();
    chart.getStyler().setLegendVisible(false);
    chart.addSeries(
        "events/s",
        List.of("(a) Kafka raw", "(b) decode + count", "(c) monitor"),
        List.of(f.raw().rate(), f.trivial().rate(), f.monitor().rate()));
    BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
  }

  private static String human(java.time.Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private static String pct(double share) {
    return String.format(Locale.ROOT, "%.1f %%", 100 * share);
  }

  private static String yes(boolean met) {
    return met ? "yes" : "**no**";
  }

  private static void line(StringBuilder md, String format, Object... args) {
    md.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
