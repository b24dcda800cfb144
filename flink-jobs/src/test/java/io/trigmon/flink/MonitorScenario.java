package io.trigmon.flink;

import io.trigmon.calibration.Calibration;
import io.trigmon.calibration.CalibrationDirectory;
import io.trigmon.calibration.NullToys;
import io.trigmon.event.Event;
import io.trigmon.nplm.KernelNplm;
import io.trigmon.nplm.KernelNplmModel;
import io.trigmon.nplm.NplmOptions;
import io.trigmon.nplm.ReferenceSample;
import io.trigmon.nuisance.NuisanceTerms;
import io.trigmon.simulation.Process;
import io.trigmon.simulation.SignalInjection;
import io.trigmon.simulation.Simulator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Test-data builder for the monitor: a simulated Drell–Yan stream cut into fixed windows, with a Z′
 * excess in chosen windows, and a matching model directory (reference + null calibration), all from
 * fixed seeds and a fixed start instant.
 *
 * @param windows number of windows
 * @param eventsPerWindow selected dilepton events per window, N_D
 * @param window window length
 * @param signalWindows indices (0-based) of the windows with an injected Z′
 * @param signalEvents Z′ events injected into each of those (replacing background)
 * @param referenceEvents N_R
 * @param toys null toys of the calibration
 */
record MonitorScenario(
    int windows,
    int eventsPerWindow,
    Duration window,
    List<Integer> signalWindows,
    int signalEvents,
    int referenceEvents,
    int toys) {

  /** Start of the first window: aligned to the window length, so windows match the job's. */
  static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

  static final String STREAM = "DoubleMuon";

  /** The events of window {@code index}, evenly spaced inside it, in time order. */
  List<Event> windowEvents(int index) {
    Simulator.Builder builder =
        Simulator.builder().process(Process.DY).seed(1_000 + index).stream(STREAM)
            .startTime(START.plus(window.multipliedBy(index)))
            // Slightly faster than N per window: the last event stays inside the window.
            .rateHz(eventsPerWindow / (window.toNanos() / 1e9) * 1.001)
            .poissonArrivals(false);
    if (signalWindows.contains(index)) {
      builder.signal(SignalInjection.count(Process.ZPRIME, signalEvents));
    }
    return builder.build().events(eventsPerWindow).toList();
  }

  /** Reference-hypothesis dilepton features from an independent seed. */
  static double[][] dileptons(long seed, int n) {
    return Simulator.builder().process(Process.DY).seed(seed).build().dileptonFeatures(n);
  }

  /** The dilepton features of {@code n} events of a simulator (those with a lepton pair). */
  static double[][] dileptons(Simulator simulator, int n) {
    return simulator.dileptonFeatures(n);
  }

  /**
   * Writes the NPLM reference model (no calibration: results without p and Z) under {@code dir}.
   */
  KernelNplmModel writeReference(Path dir) {
    double[][] reference = dileptons(7, referenceEvents);
    KernelNplmModel model =
        new KernelNplmModel(ReferenceSample.of(reference), KernelNplm.protocol(reference, 0, 11));
    model.save(dir.resolve(MonitorModels.NPLM), "scenario-1");
    return model;
  }

  /** Writes the NPLM reference model and its shape-only null calibration under {@code dir}. */
  Calibration writeModels(Path dir) {
    KernelNplmModel model = writeReference(dir);
    KernelNplm nplm = model.prepare();
    double[][] pool = dileptons(13, 4 * referenceEvents);
    Calibration calibration =
        new NullToys(nplm, pool, NuisanceTerms.none(), NplmOptions.shapeOnly(), eventsPerWindow)
            .calibrate(toys, List.of(0.0), 17);
    CalibrationDirectory.save(
        calibration,
        dir.resolve(MonitorModels.CALIBRATION),
        model.reference().sha256(),
        Map.of("method", "kernel", "mode", "shape-only", "window_events", eventsPerWindow));
    return calibration;
  }
}
