package io.trigmon.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.apache.flink.util.FileUtils;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trigmon bench pipeline}: the end-to-end benchmark of issue 8 ({@link PipelineBenchmark}),
 * written to {@code reports/bench/pipeline.md} and {@code pipeline.png} ({@link PipelineReport}).
 */
@Command(
    name = "pipeline",
    mixinStandardHelpOptions = true,
    description = {
      "End-to-end benchmark on one embedded Kafka broker: pre-load encoded events, then measure"
          + " events/s of (a) a plain Kafka consumer, (b) a trivial Flink job (decode + window"
          + " count) and (c) the full monitor job (autoencoder scoring, windowed kernel NPLM with"
          + " the normalisation nuisance, exactly-once results); then run the monitor live at half"
          + " of (c)'s rate for window-result latency p50/p99 next to the NPLM test time, and with"
          + " --backpressure at twice (c)'s rate (counts per window, consumer lag, drain time).",
      "Writes reports/bench/pipeline.md and pipeline.png. The defaults size the real measurement"
          + " (several minutes on 2 idle cores, 60 s more with --backpressure); --quick proves it"
          + " works in a few minutes."
    },
    footer = {
      "",
      "Examples:",
      "  ./trigmon bench pipeline --quick",
      "  ./trigmon bench pipeline --quick --backpressure --profile",
      "  ./trigmon bench pipeline --quick --latency-checkpoint-interval PT0.2S",
      "  ./trigmon bench pipeline --backpressure --profile",
      "  ./trigmon bench pipeline --events 2000000 --streams 2 --window-events 20000"
    })
public final class BenchPipelineCommand implements Callable<Integer> {

  @Option(
      names = "--quick",
      description =
          "A short run: 300000 events, 2 streams, 10000 events per window, N_R 5000, 10 toys,"
              + " 10 s live, 15 s overload (options given explicitly still win).")
  boolean quick;

  @Option(
      names = "--events",
      paramLabel = "N",
      defaultValue = "4000000",
      description = "Events to pre-load (default: ${DEFAULT-VALUE}).")
  long events;

  @Option(
      names = "--streams",
      paramLabel = "N",
      defaultValue = "4",
      description = "Stream keys (default: ${DEFAULT-VALUE}).")
  int streams;

  @Option(
      names = "--window-events",
      paramLabel = "N",
      defaultValue = "50000",
      description = "Events per window per stream (default: ${DEFAULT-VALUE}).")
  int windowEvents;

  @Option(
      names = "--dilepton-fraction",
      paramLabel = "F",
      defaultValue = "0.2",
      description =
          "Fraction of events with a lepton pair, the ones the NPLM test reads"
              + " (default: ${DEFAULT-VALUE}).")
  double dileptonFraction;

  @Option(
      names = "--reference",
      paramLabel = "N_R",
      defaultValue = "20000",
      description = "Reference events of the kernel NPLM (default: ${DEFAULT-VALUE}).")
  int reference;

  @Option(
      names = "--toys",
      paramLabel = "N",
      defaultValue = "20",
      description = "Null toys of the calibration, 0 for none (default: ${DEFAULT-VALUE}).")
  int toys;

  @Option(
      names = "--parallelism",
      paramLabel = "N",
      defaultValue = "2",
      description = "Flink parallelism and topic partitions (default: ${DEFAULT-VALUE}).")
  int parallelism;

  @Option(
      names = "--live-seconds",
      paramLabel = "S",
      defaultValue = "30",
      description = "Length of the latency stage (default: ${DEFAULT-VALUE}).")
  int liveSeconds;

  @Option(
      names = "--backpressure",
      description = "Add the overload stage at twice the sustainable rate.")
  boolean backpressure;

  @Option(
      names = "--backpressure-seconds",
      paramLabel = "S",
      defaultValue = "60",
      description = "Length of the overload stage (default: ${DEFAULT-VALUE}).")
  int backpressureSeconds;

  @Option(
      names = "--out-of-orderness",
      paramLabel = "DURATION",
      defaultValue = "PT0.2S",
      description = "The monitor's out-of-orderness, ISO-8601 (default: ${DEFAULT-VALUE}).")
  String outOfOrderness;

  @Option(
      names = "--checkpoint-interval",
      paramLabel = "DURATION",
      defaultValue = "PT1S",
      description =
          "Checkpoint interval of the throughput jobs (b) and (c), and of the live monitor unless"
              + " --latency-checkpoint-interval is given; exactly-once results become visible at"
              + " checkpoints (default: ${DEFAULT-VALUE}).")
  String checkpointInterval;

  @Option(
      names = "--latency-checkpoint-interval",
      paramLabel = "DURATION",
      description =
          "Checkpoint interval of the live monitor (latency and overload stages); a result becomes"
              + " visible at the checkpoint after it (default: --checkpoint-interval).")
  String latencyCheckpointInterval;

  @Option(
      names = "--watermark-interval",
      paramLabel = "DURATION",
      defaultValue = "PT0.05S",
      description =
          "The monitor's auto-watermark interval; a window fires up to this long after the events"
              + " that close it arrived (default: ${DEFAULT-VALUE}; the job's default is Flink's,"
              + " PT0.2S).")
  String watermarkInterval;

  @Option(
      names = "--profile",
      description = "Sample the monitor phase with Java Flight Recorder; hot spots in the report.")
  boolean profile;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Report directory (default: reports/bench of the checkout).")
  Path out;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PipelineBenchSettings settings = settings();
    Path dir =
        out != null
            ? out
            : Path.of(System.getProperty("trigmon.home", ".")).resolve("reports/bench");
    PrintWriter log = spec.commandLine().getOut();
    Path work = Files.createTempDirectory("trigmon-bench-pipeline");
    try {
      PipelineFigures figures = new PipelineBenchmark(settings, work, log).run();
      String commandLine =
          "./trigmon " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
      PipelineReport.write(dir, commandLine.strip(), settings, figures);
      log.println("Report: " + dir.resolve(PipelineReport.MARKDOWN));
      log.flush();
    } finally {
      FileUtils.deleteDirectory(work.toFile());
    }
    return 0;
  }

  PipelineBenchSettings settings() {
    CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
    if (quick) {
      events = given(parsed, "--events") ? events : 300_000;
      streams = given(parsed, "--streams") ? streams : 2;
      windowEvents = given(parsed, "--window-events") ? windowEvents : 10_000;
      reference = given(parsed, "--reference") ? reference : 5_000;
      toys = given(parsed, "--toys") ? toys : 10;
      liveSeconds = given(parsed, "--live-seconds") ? liveSeconds : 10;
      backpressureSeconds = given(parsed, "--backpressure-seconds") ? backpressureSeconds : 15;
    }
    positive("--events", events);
    positive("--streams", streams);
    positive("--window-events", windowEvents);
    positive("--reference", reference);
    positive("--parallelism", parallelism);
    positive("--live-seconds", liveSeconds);
    positive("--backpressure-seconds", backpressureSeconds);
    if (toys < 0) {
      throw new UserException("--toys must not be negative, got " + toys);
    }
    if (!(dileptonFraction > 0 && dileptonFraction <= 1)) {
      throw new UserException("--dilepton-fraction must be in (0, 1], got " + dileptonFraction);
    }
    if (events < (long) streams * windowEvents) {
      throw new UserException(
          "--events must fill at least one window of every stream: at least "
              + (long) streams * windowEvents);
    }
    if (Math.round(windowEvents * dileptonFraction) < 1) {
      throw new UserException("--window-events x --dilepton-fraction must give a lepton pair");
    }
    Duration checkpoints = duration("--checkpoint-interval", checkpointInterval);
    return new PipelineBenchSettings(
        events,
        streams,
        windowEvents,
        dileptonFraction,
        reference,
        toys,
        parallelism,
        Duration.ofSeconds(liveSeconds),
        backpressure ? Duration.ofSeconds(backpressureSeconds) : Duration.ZERO,
        duration("--out-of-orderness", outOfOrderness),
        checkpoints,
        latencyCheckpointInterval == null
            ? checkpoints
            : duration("--latency-checkpoint-interval", latencyCheckpointInterval),
        duration("--watermark-interval", watermarkInterval),
        profile);
  }

  private static boolean given(CommandLine.ParseResult parsed, String option) {
    return parsed != null && parsed.hasMatchedOption(option);
  }

  private static void positive(String option, long value) {
    if (value < 1) {
      throw new UserException(option + " must be at least 1, got " + value);
    }
  }

  private static Duration duration(String option, String text) {
    try {
      Duration d = Duration.parse(text);
      if (d.isNegative() || d.isZero()) {
        throw new UserException(option + " must be positive, got " + text);
      }
      return d;
    } catch (DateTimeParseException e) {
      throw new UserException(option + ": not an ISO-8601 duration (e.g. PT1S): '" + text + "'");
    }
  }
}
