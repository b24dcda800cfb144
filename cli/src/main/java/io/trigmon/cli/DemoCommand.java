package io.trigmon.cli;

import io.trigmon.flink.MonitorModels;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trigmon demo}: the whole monitor on this machine in one command ({@link Demo}), with the
 * shipped default models; {@code trigmon demo models} regenerates those ({@link DemoModels}).
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    subcommands = {DemoCommand.Models.class},
    description = {
      "Run the whole monitor here: a Kafka broker (child JVM), the stream app (ingest, dead"
          + " letters, alert hooks), the Flink monitor job (MiniCluster) with the default models,"
          + " and a simulated Drell-Yan dimuon stream at --rate events/s with a Z' excess in a few"
          + " windows and, later, a +1 sigma lepton momentum scale drift; a few bad records go to"
          + " events.dlq. Prints one line per window (stream, window, N, Z, tau - delta, nu_hat,"
          + " alert state) and serves the stream app's and the monitor's /metrics on 127.0.0.1"
          + " (free ports, printed at start).",
      "Ctrl-C stops everything. With --headless it exits 0 after the last window, with a"
          + " summary (windows, alarms, events in / valid / dead letters)."
    },
    footer = {
      "",
      "Examples:",
      "  ./trigmon demo                      # 12 windows of 5 s; Ctrl-C to stop",
      "  ./trigmon demo --headless --duration 16s --window 2s --rate 500",
      "  ./trigmon demo --models /tmp/my-models",
      "  ./trigmon demo --live-port 0          # live page on a free port (URL printed)",
      "  ./trigmon demo models --out models/default"
    })
public final class DemoCommand implements Callable<Integer> {

  /** Fewest windows a demo streams: background, signal and drift windows each need one. */
  static final int MIN_WINDOWS = 3;

  /** Shortest window: the NPLM test of a window takes up to about a second. */
  static final Duration MIN_WINDOW = Duration.ofSeconds(1);

  /** Fewest events per window for the test to mean anything. */
  static final int MIN_WINDOW_EVENTS = 100;

  /** Besides the stream itself: start-up, the last window's closing and slow machines. */
  static final Duration HEADLESS_SLACK = Duration.ofSeconds(120);

  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)");

  @Option(
      names = "--duration",
      paramLabel = "D",
      defaultValue = "60s",
      description =
          "Event time to stream, e.g. 60s, 2m or PT90S; it is cut into whole windows (default:"
              + " ${DEFAULT-VALUE}).")
  String duration;

  @Option(
      names = "--rate",
      paramLabel = "EVENTS_PER_S",
      defaultValue = "200",
      description =
          "Events per second (default: ${DEFAULT-VALUE}). The default models are calibrated for"
              + " 1000 events per window: rate x window = 1000 keeps Z exact.")
  double rate;

  @Option(
      names = "--window",
      paramLabel = "D",
      defaultValue = "5s",
      description = "Window length, e.g. 5s or PT5S (default: ${DEFAULT-VALUE}).")
  String window;

  @Option(
      names = "--models",
      paramLabel = "DIR",
      description =
          "Model directory (nplm/, calibration/, autoencoder/, nuisance/; default: models/default"
              + " of this checkout).")
  Path models;

  @Option(
      names = "--live-port",
      paramLabel = "PORT",
      defaultValue = "9466",
      description =
          "Port of the live page on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 = a free port, -1 = no"
              + " page).")
  int livePort;

  @Option(
      names = "--headless",
      description = "Print the windows, then exit 0 with a summary (for scripts and CI).")
  boolean headless;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    DemoScenario scenario = scenario();
    Path modelDir = modelDirectory();
    PrintWriter out = spec.commandLine().getOut();
    if (scenario.eventsPerWindow() != DemoScenario.DEFAULT_WINDOW_EVENTS) {
      out.printf(
          Locale.ROOT,
          "note: %d events per window; the default models are calibrated for %d, so Z is"
              + " approximate%n",
          scenario.eventsPerWindow(),
          DemoScenario.DEFAULT_WINDOW_EVENTS);
    }
    if (livePort < -1 || livePort > 65535) {
      throw new UserException(
          "--live-port must be a port number, 0 for a free port or -1 for no page, got "
              + livePort);
    }
    Demo demo = Demo.start(scenario, modelDir, livePort, out);
    Thread hook =
        new Thread(
            () -> {
              demo.stop();
              try {
                demo.awaitClosed(Duration.ofSeconds(60));
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "trigmon-demo-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    DemoSummary summary;
    try {
      summary = demo.run(headless, scenarioTime(scenario).plus(HEADLESS_SLACK));
    } finally {
      out.println("Stopping...");
      out.flush();
      demo.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // Already shutting down (Ctrl-C): the hook is running.
      }
    }
    if (headless && !summary.complete()) {
      spec.commandLine()
          .getErr()
          .println(
              "error: only "
                  + summary.reported().size()
                  + " of "
                  + summary.windows()
                  + " windows were reported");
      return 1;
    }
    return 0;
  }

  private static Duration scenarioTime(DemoScenario scenario) {
    return scenario.window().multipliedBy(scenario.windows());
  }

  DemoScenario scenario() {
    Duration total = duration("--duration", duration);
    Duration length = duration("--window", window);
    if (length.compareTo(MIN_WINDOW) < 0) {
      throw new UserException("--window must be at least 1s, got " + window);
    }
    if (!(rate > 0) || Double.isInfinite(rate)) {
      throw new UserException("--rate must be a positive number of events/s, got " + rate);
    }
    long windows = total.toMillis() / length.toMillis();
    if (windows < MIN_WINDOWS) {
      throw new UserException(
          "--duration "
              + duration
              + " holds "
              + windows
              + " windows of "
              + window
              + "; the demo needs at least "
              + MIN_WINDOWS
              + " (background, Z' excess, drift)");
    }
    DemoScenario scenario = new DemoScenario(length, rate, (int) windows);
    if (scenario.eventsPerWindow() < MIN_WINDOW_EVENTS) {
      throw new UserException(
          "--rate "
              + rate
              + " x --window "
              + window
              + " gives "
              + scenario.eventsPerWindow()
              + " events per window; the test needs at least "
              + MIN_WINDOW_EVENTS);
    }
    return scenario;
  }

  Path modelDirectory() {
    Path dir = models != null ? models : defaultModels();
    if (!Files.isDirectory(dir.resolve(MonitorModels.NPLM))) {
      throw new UserException(
          "--models: "
              + dir
              + " has no "
              + MonitorModels.NPLM
              + "/ reference model (regenerate the defaults with './trigmon demo models --out "
              + dir
              + "')");
    }
    return dir;
  }

  /**
   * {@code models/default} of the checkout the launcher runs from, else of the working directory.
   */
  static Path defaultModels() {
    String home = System.getProperty("trigmon.home");
    Path root = home != null ? Path.of(home) : Path.of("");
    return root.resolve("models").resolve("default");
  }

  /** ISO-8601 ({@code PT5S}) or a number with {@code ms}, {@code s} or {@code m}. */
  static Duration duration(String option, String text) {
    Matcher m = SHORT_DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (m.matches()) {
      double value = Double.parseDouble(m.group(1));
      double millis =
          switch (m.group(2)) {
            case "ms" -> value;
            case "s" -> value * 1000;
            default -> value * 60_000;
          };
      return Duration.ofMillis(Math.round(millis));
    }
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new UserException(
          option + ": not a duration (e.g. 5s, 2m, 500ms or PT5S): '" + text + "'");
    }
  }

  /** {@code trigmon demo models}: regenerate the default models. */
  @Command(
      name = "models",
      mixinStandardHelpOptions = true,
      description = {
        "Regenerate the demo's default models from fixed seeds: nplm/ (kernel NPLM reference,"
            + " N_R = 10000 simulated Drell-Yan events, tau-like regime), calibration/ (100 null"
            + " toys of 1000 events), nuisance/ (the delta-hat model of the lepton momentum scale,"
            + " by 'nuisance train'), autoencoder/ (by 'ae train'). About 0.5 MB; a few minutes."
      },
      footer = {
        "",
        "Examples:",
        "  ./trigmon demo models --out models/default",
        "  ./trigmon demo models --out /tmp/demo-models && ./trigmon demo --models /tmp/demo-models"
      })
  static final class Models implements Callable<Integer> {

    @Option(
        names = "--out",
        required = true,
        paramLabel = "DIR",
        description =
            "Directory to write; its nplm/, calibration/, nuisance/, autoencoder/ are replaced.")
    Path out;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      if (Files.exists(out) && !Files.isDirectory(out)) {
        throw new UserException("--out " + out + " is a file, not a directory");
      }
      new DemoModels(spec.commandLine().getOut()).write(out);
      return 0;
    }
  }
}
