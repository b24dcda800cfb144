package io.trigmon.cli;

import io.trigmon.event.Event;
import io.trigmon.simulation.NuisanceShifts;
import io.trigmon.simulation.Process;
import io.trigmon.simulation.Regime;
import io.trigmon.simulation.SignalInjection;
import io.trigmon.simulation.Simulator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What {@code trigmon demo} streams, window by window, and what its default models are made for: a
 * Drell–Yan dimuon stream in the tau-like regime (lepton momentum scale known to 3 %, so a 1σ shift
 * is a visible calibration drift), with a Z′ → μμ excess (300 GeV) in a few windows of the first
 * half and the lepton momentum scale shifted by +1σ in the last third. Every window holds exactly
 * {@code rate × window} events, evenly spaced in event time, from a seed of its own: the same
 * scenario gives the same events on every run.
 *
 * @param window window length (the monitor's tumbling event-time window)
 * @param rateHz events per second, of event time and (paced) of wall-clock time
 * @param windows number of windows streamed
 */
record DemoScenario(Duration window, double rateHz, int windows) {

  /** The stream key of the demo's events. */
  static final String STREAM = "DoubleMuon";

  /** The detector regime of the stream and of the default models. */
  static final Regime REGIME = Regime.TAU_LIKE;

  /** Default window length. */
  static final Duration DEFAULT_WINDOW = Duration.ofSeconds(5);

  /** Default rate: {@value} Hz, so a default window holds {@link #DEFAULT_WINDOW_EVENTS} events. */
  static final double DEFAULT_RATE_HZ = 200;

  /** Events per window the default models' calibration is made for. */
  static final int DEFAULT_WINDOW_EVENTS = 1000;

  /** Share of a signal window's events that are Z′ events. */
  static final double SIGNAL_FRACTION = 0.06;

  /** The lepton momentum scale shift of the drift windows, in σ. */
  static final double DRIFT_SIGMAS = 1;

  /** Seed of window 0's events; window i uses this + i. */
  static final long SEED = 1_000;

  DemoScenario {
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive, got " + window);
    }
    if (!(rateHz > 0) || Double.isInfinite(rateHz)) {
      throw new IllegalArgumentException("rate must be positive, got " + rateHz);
    }
    if (windows < 1) {
      throw new IllegalArgumentException("at least one window, got " + windows);
    }
    if (Math.round(rateHz * window.toNanos() / 1e9) < 1) {
      throw new IllegalArgumentException(
          "rate x window must give at least one event per window, got "
              + rateHz
              + " Hz x "
              + window);
    }
  }

  /** Events in each window. */
  int eventsPerWindow() {
    return (int) Math.round(rateHz * window.toNanos() / 1e9);
  }

  /** First window (0-based) with the Z′ excess: a third of the way in. */
  int firstSignalWindow() {
    return windows / 3;
  }

  /**
   * Windows with the Z′ excess: a quarter of the run (at least one), from {@link
   * #firstSignalWindow()}.
   */
  List<Integer> signalWindows() {
    int count = Math.max(1, windows / 4);
    return java.util.stream.IntStream.range(firstSignalWindow(), firstSignalWindow() + count)
        .filter(i -> i < windows)
        .boxed()
        .toList();
  }

  /** First window (0-based) with the lepton scale drift: two thirds of the way in. */
  int firstDriftWindow() {
    return (2 * windows + 2) / 3;
  }

  boolean isSignal(int index) {
    return signalWindows().contains(index);
  }

  boolean isDrift(int index) {
    return index >= firstDriftWindow() && index < windows;
  }

  /** Z′ events in a signal window. */
  int signalEvents() {
    return (int) Math.round(SIGNAL_FRACTION * eventsPerWindow());
  }

  /**
   * The events of window {@code index} (any index ≥ 0; those past the last are nominal), evenly
   * spaced inside {@code [start + index·window, start + (index+1)·window)}, in time order.
   */
  List<Event> windowEvents(Instant start, int index) {
    Simulator.Builder builder =
        Simulator.builder().process(Process.DY).regime(REGIME).seed(SEED + index).stream(STREAM)
            .startTime(start.plus(window.multipliedBy(index)))
            // Slightly faster than N per window: the last event stays inside the window.
            .rateHz(eventsPerWindow() / (window.toNanos() / 1e9) * 1.001)
            .poissonArrivals(false);
    if (isSignal(index)) {
      builder.signal(SignalInjection.count(Process.ZPRIME, signalEvents()));
    }
    if (isDrift(index)) {
      builder.nuisances(NuisanceShifts.leptonScale(DRIFT_SIGMAS));
    }
    return builder.build().events(eventsPerWindow()).toList();
  }

  /** One line saying what happens when (window numbers 1-based, as printed). */
  String plan() {
    List<Integer> signal = signalWindows();
    String drift =
        firstDriftWindow() < windows
            ? String.format(
                Locale.ROOT,
                "lepton momentum scale +%.0f sigma (%.0f %%) from window %d",
                DRIFT_SIGMAS,
                100 * DRIFT_SIGMAS * REGIME.barrelScaleSigma(),
                firstDriftWindow() + 1)
            : "no drift (too few windows)";
    return String.format(
        Locale.ROOT,
        "%d windows of %s s, %d %s events each (%.0f Hz, %s); Z' (300 GeV) excess of %d events in"
            + " windows %d-%d; %s",
        windows,
        seconds(window),
        eventsPerWindow(),
        STREAM,
        rateHz,
        REGIME.cliName(),
        signalEvents(),
        signal.get(0) + 1,
        signal.get(signal.size() - 1) + 1,
        drift);
  }

  static String seconds(Duration d) {
    double s = d.toNanos() / 1e9;
    return s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s);
  }
}
