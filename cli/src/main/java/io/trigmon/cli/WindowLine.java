package io.trigmon.cli;

import io.trigmon.nplm.NplmOptions;
import io.trigmon.stream.alert.AlertConfig;
import io.trigmon.stream.alert.WindowResult;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * One printed line of {@code trigmon demo} per window result: stream, window number (1-based) and
 * start (UTC), events N, Z, τ − Δ, ν̂ of the nuisances (σ units; "-" when the test fits none), the
 * alert state by the stream app's thresholds ({@code ALARM}: Z ≥ {@code alert.z.on}; {@code DRIFT}:
 * a pull |ν̂ − ν_A|/σ ≥ {@code alert.drift.pull}), and what the scenario injected there.
 *
 * @param text the line
 * @param alarm whether Z reached the alarm threshold
 */
record WindowLine(String text, boolean alarm) {

  /** The column titles, aligned with the lines. */
  static final String HEADER =
      String.format(
          Locale.ROOT,
          "%-12s %6s %-9s %6s %7s %8s %-14s %-11s %s",
          "stream",
          "window",
          "start",
          "N",
          "Z",
          "tau-delta",
          "nu_hat",
          "state",
          "injected");

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  static WindowLine of(WindowResult r, int index, DemoScenario scenario, AlertConfig alerts) {
    boolean alarm = r.z() >= alerts.zOn();
    boolean drift = largestShapePull(r) >= alerts.driftPull();
    String state = alarm && drift ? "ALARM+DRIFT" : alarm ? "ALARM" : drift ? "DRIFT" : "ok";
    String text =
        String.format(
            Locale.ROOT,
            "%-12s %6d %-9s %6d %7.2f %8.1f %-14s %-11s %s",
            r.stream(),
            index + 1,
            TIME.format(Instant.ofEpochMilli(r.windowStart())),
            r.nData(),
            r.z(),
            r.t(),
            nuisances(r.nuHat()),
            state,
            injected(index, scenario));
    return new WindowLine(text, alarm);
  }

  /**
   * The largest pull |ν̂| of a shape nuisance. The demo's test is shape-only: its normalisation
   * ({@value NplmOptions#NORM}) is free, so its ν̂ says how the window's count compares with the
   * reference's, not that a calibration drifted.
   */
  static double largestShapePull(WindowResult r) {
    double largest = 0;
    for (Map.Entry<String, Double> e : r.nuHat().entrySet()) {
      if (!e.getKey().equals(NplmOptions.NORM)) {
        double pull =
            Math.abs(e.getValue() - r.nuAux().getOrDefault(e.getKey(), 0.0))
                / r.nuSigma().getOrDefault(e.getKey(), 1.0);
        largest = Math.max(largest, pull);
      }
    }
    return largest;
  }

  private static String nuisances(Map<String, Double> nuHat) {
    if (nuHat.isEmpty()) {
      return "-";
    }
    StringBuilder b = new StringBuilder();
    nuHat.forEach(
        (name, value) ->
            b.append(b.length() == 0 ? "" : ",")
                .append(name)
                .append(String.format(Locale.ROOT, "=%+.2f", value)));
    return b.toString();
  }

  private static String injected(int index, DemoScenario scenario) {
    if (scenario.isSignal(index)) {
      return "Z' excess (" + scenario.signalEvents() + " events)";
    }
    if (scenario.isDrift(index)) {
      return String.format(Locale.ROOT, "lepton scale %+.0f sigma", DemoScenario.DRIFT_SIGMAS);
    }
    return "";
  }
}
