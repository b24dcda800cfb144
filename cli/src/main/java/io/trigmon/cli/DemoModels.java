package io.trigmon.cli;

import io.trigmon.calibration.CalibratedNplm;
import io.trigmon.calibration.Calibration;
import io.trigmon.calibration.CalibrationDirectory;
import io.trigmon.calibration.NullToys;
import io.trigmon.event.DileptonFeatures;
import io.trigmon.flink.MonitorModels;
import io.trigmon.io.EventFiles;
import io.trigmon.io.EventWriter;
import io.trigmon.io.FileFormat;
import io.trigmon.nplm.KernelNplm;
import io.trigmon.nplm.KernelNplmModel;
import io.trigmon.nplm.NplmOptions;
import io.trigmon.nplm.ReferenceSample;
import io.trigmon.nuisance.NuisanceModel;
import io.trigmon.simulation.NuisanceShifts;
import io.trigmon.simulation.Process;
import io.trigmon.simulation.Simulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Writes the demo's default model directory (what {@code models/default/} holds) from fixed seeds,
 * for the stream of {@link DemoScenario} (Drell–Yan, tau-like regime, {@value
 * DemoScenario#DEFAULT_WINDOW_EVENTS} events per window):
 *
 * <ul>
 *   <li>{@code nplm/}: the kernel NPLM reference model, N_R = {@value #REFERENCE_EVENTS} nominal
 *       events, σ, M = ⌈√N_R⌉ and λ by the published protocol;
 *   <li>{@code calibration/}: its shape-only null calibration with the δ̂ model, {@value #TOYS}
 *       toys of {@value DemoScenario#DEFAULT_WINDOW_EVENTS} events at each ν* = 0, ±1 drawn from an
 *       independent nominal pool;
 *   <li>{@code nuisance/}: the δ̂ model of the lepton momentum scale ({@value #SCALE}, 1σ = 3 %),
 *       written by {@code trigmon nuisance train} from simulated samples at ν = ±1, ±2;
 *   <li>{@code autoencoder/}: a small autoencoder written by {@code trigmon ae train} on nominal
 *       events of the stream.
 * </ul>
 *
 * <p>The sizes keep the directory small (≈ 1 MB) and a window's NPLM test well under a second. The
 * two trained parts go through the commands themselves, so their directories are exactly what a
 * user's {@code nuisance train} and {@code ae train} would write.
 */
final class DemoModels {

  /** Reference events N_R: a window's test costs ≈ 0.1–0.5 s at this size. */
  static final int REFERENCE_EVENTS = 10_000;

  /** Null toys of the calibration. */
  static final int TOYS = 100;

  /** Name of the lepton momentum scale nuisance (both barrel and endcap, as simulate's shift). */
  static final String SCALE = "scale";

  /** Sub-directory of the δ̂ nuisance model. */
  static final String NUISANCE = "nuisance";

  /** Version recorded in the manifests. */
  static final String VERSION = "demo-1";

  private static final int NUISANCE_NOMINAL_EVENTS = 40_000;
  private static final int NUISANCE_VARIED_EVENTS = 20_000;
  private static final long YIELD_COLLISIONS = 400_000;
  private static final int AUTOENCODER_EVENTS = 20_000;

  private final PrintWriter log;

  DemoModels(PrintWriter log) {
    this.log = log;
  }

  /** Writes the four sub-directories under {@code out}, replacing what was there. */
  void write(Path out) {
    long start = System.nanoTime();
    try {
      Files.createDirectories(out);
      for (String sub :
          List.of(
              MonitorModels.NPLM, MonitorModels.CALIBRATION, NUISANCE, MonitorModels.AUTOENCODER)) {
        deleteTree(out.resolve(sub));
      }
      Path work = Files.createTempDirectory("trigmon-demo-models");
      try {
        writeNuisance(out, work);
        writeNplmAndCalibration(out, NuisanceModel.load(out.resolve(NUISANCE)));
        writeAutoencoder(out, work);
      } finally {
        deleteTree(work);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    log.printf(
        Locale.ROOT,
        "default models written to %s in %.0f s%n",
        out,
        (System.nanoTime() - start) / 1e9);
    log.flush();
  }

  private void writeNplmAndCalibration(Path out, NuisanceModel delta) {
    long start = System.nanoTime();
    double[][] reference = dileptons(7, REFERENCE_EVENTS, NuisanceShifts.NOMINAL);
    KernelNplmModel model =
        new KernelNplmModel(ReferenceSample.of(reference), KernelNplm.protocol(reference, 0, 11));
    model.save(out.resolve(MonitorModels.NPLM), VERSION);
    KernelNplm nplm = model.prepare(delta);
    double[][] pool = dileptons(13, 4 * REFERENCE_EVENTS, NuisanceShifts.NOMINAL);
    int windowEvents = DemoScenario.DEFAULT_WINDOW_EVENTS;
    Calibration calibration =
        new NullToys(nplm, pool, delta.evaluate(pool), NplmOptions.shapeOnly(), windowEvents)
            .calibrate(TOYS, CalibratedNplm.NU_STARS, 17);
    CalibrationDirectory.save(
        calibration,
        out.resolve(MonitorModels.CALIBRATION),
        model.reference().sha256(),
        Map.of(
            "method",
            "kernel",
            "mode",
            "shape-only",
            "window_events",
            windowEvents,
            "nuisances",
            nplm.nuisanceNames(),
            CalibrationDirectory.NUISANCE_SHA256,
            delta.sha256()));
    log.printf(
        Locale.ROOT,
        "nplm/ (N_R = %d, M = %d) and calibration/ (%d toys of %d events) in %.0f s%n",
        REFERENCE_EVENTS,
        model.hyper().centres(),
        TOYS,
        windowEvents,
        (System.nanoTime() - start) / 1e9);
    log.flush();
  }

  private void writeNuisance(Path out, Path work) {
    trainScaleModel(
        log, work, out.resolve(NUISANCE), NUISANCE_NOMINAL_EVENTS, NUISANCE_VARIED_EVENTS, 21);
  }

  /**
   * Trains the δ̂ model of the lepton momentum scale ({@value #SCALE}, 1σ = 3 %) of the demo's
   * stream by running {@code trigmon nuisance train} on simulated samples written to {@code work}:
   * {@code nominalEvents} nominal events and {@code variedEvents} at each ν = ±1, ±2, each with its
   * yield ratio. Seeds {@code seed}, {@code seed + 1}, … Also used by {@code trigmon validate
   * nplm}.
   */
  static void trainScaleModel(
      PrintWriter log, Path work, Path out, int nominalEvents, int variedEvents, long seed) {
    Path nominal = work.resolve("nominal.csv");
    writeEvents(simulator(seed, NuisanceShifts.NOMINAL), nominalEvents, nominal);
    List<String> args =
        new ArrayList<>(List.of("nuisance", "train", "--nominal", nominal.toString()));
    long next = seed + 1;
    for (double nu : new double[] {-2, -1, 1, 2}) {
      Simulator varied = simulator(next++, NuisanceShifts.leptonScale(nu));
      Path file = work.resolve(String.format(Locale.ROOT, "scale_%+.0f.csv", nu));
      writeEvents(varied, variedEvents, file);
      double yield = varied.yieldRatio(YIELD_COLLISIONS).ratio();
      args.add("--varied");
      args.add(String.format(Locale.ROOT, "%s=%.0f:%s@%.4f", SCALE, nu, file, yield));
    }
    args.addAll(
        List.of(
            "--sigma",
            SCALE + "=" + DemoScenario.REGIME.barrelScaleSigma(),
            "--seed",
            "1",
            "--out",
            out.toString()));
    command(log, args);
  }

  private void writeAutoencoder(Path out, Path work) {
    Path events = work.resolve("stream.h5");
    writeEvents(simulator(31, NuisanceShifts.NOMINAL), AUTOENCODER_EVENTS, events);
    command(
        List.of(
            "ae",
            "train",
            "--events",
            events.toString(),
            "--mode",
            "nominal",
            "--epochs",
            "15",
            "--seed",
            "1",
            "--model-version",
            VERSION,
            "--out",
            out.resolve(MonitorModels.AUTOENCODER).toString()));
  }

  /** Runs a trigmon command with this log as its output; fails when it fails. */
  private void command(List<String> args) {
    command(log, args);
  }

  private static void command(PrintWriter log, List<String> args) {
    log.println("$ trigmon " + String.join(" ", args));
    log.flush();
    picocli.CommandLine cmd = Trigmon.commandLine();
    cmd.setOut(log);
    cmd.setErr(log);
    int code = cmd.execute(args.toArray(String[]::new));
    if (code != 0) {
      throw new IllegalStateException(
          "'trigmon " + args.get(0) + "' failed with exit code " + code);
    }
  }

  static Simulator simulator(long seed, NuisanceShifts shifts) {
    return Simulator.builder()
        .process(Process.DY)
        .regime(DemoScenario.REGIME)
        .nuisances(shifts)
        .seed(seed)
        .stream(DemoScenario.STREAM)
        .build();
  }

  static double[][] dileptons(long seed, int n, NuisanceShifts shifts) {
    return simulator(seed, shifts)
        .events(n)
        .map(DileptonFeatures::of)
        .flatMap(Optional::stream)
        .map(DileptonFeatures::toArray)
        .toArray(double[][]::new);
  }

  private static void writeEvents(Simulator simulator, int n, Path file) {
    EventWriter writer = EventFiles.open(file, FileFormat.forEvents(file));
    simulator.generate(n, writer::write);
    writer.close();
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
