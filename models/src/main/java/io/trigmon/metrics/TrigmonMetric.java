package io.trigmon.metrics;

import java.util.List;
import java.util.Locale;

/**
 * Every metric trigmon exports (DESIGN §7), with its Prometheus name, type and labels. The
 * Prometheus name is what dashboards and alert rules query; {@link #micrometerName()} is the name
 * to register with Micrometer so that its Prometheus naming convention produces exactly that name
 * (dots become underscores, counters gain {@code _total}, timers {@code _seconds}).
 */
public enum TrigmonMetric {
  /** Z-score of the last window: the anomaly significance after the nuisance correction. */
  WINDOW_Z("trigmon_window_z", Type.GAUGE, "Z-score of the last window", "stream"),
  /** NPLM test statistic t of the last window (no nuisance correction). */
  WINDOW_T("trigmon_window_t", Type.GAUGE, "NPLM test statistic t of the last window", "stream"),
  /** τ of the last window: t with the nuisances fitted. */
  WINDOW_TAU("trigmon_window_tau", Type.GAUGE, "Test statistic tau of the last window", "stream"),
  /** Δ of the last window: what the nuisances alone explain; Z comes from τ − Δ. */
  WINDOW_DELTA(
      "trigmon_window_delta", Type.GAUGE, "Nuisance term Delta of the last window", "stream"),
  /** Fitted nuisance ν̂ of the last window, in units of its auxiliary σ (a pull). */
  NUISANCE_HAT(
      "trigmon_nuisance_hat",
      Type.GAUGE,
      "Fitted nuisance of the last window, in units of its sigma",
      "stream",
      "nuisance"),
  /** Number of events in the last window. */
  WINDOW_EVENTS("trigmon_window_events", Type.GAUGE, "Events in the last window", "stream"),
  /** Expected number of events N(R0) of the last window, when a luminosity source gives one. */
  WINDOW_EXPECTED_EVENTS(
      "trigmon_window_expected_events",
      Type.GAUGE,
      "Expected events N(R0) of the last window",
      "stream"),
  /**
   * Wall-clock time the last window result of a stream was published (Unix seconds). A gauge of the
   * last value cannot say "no new window" (it is scraped afresh every time); this one can: {@code
   * time() - trigmon_window_result_timestamp_seconds} is the age of the last result.
   */
  WINDOW_RESULT_TIME(
      "trigmon_window_result_timestamp_seconds",
      Type.GAUGE,
      "Wall-clock time of the last window result, Unix seconds",
      "stream"),
  /**
   * The models a stream's windows were tested with: 1 per (stream, model kind, version), the
   * Prometheus "info" convention, so a dashboard or an alert can see which reference, δ̂ model,
   * calibration and autoencoder produced the numbers (and when they changed).
   */
  MODEL_INFO(
      "trigmon_model_info",
      Type.GAUGE,
      "Models the windows are tested with (1 per stream, model kind and version)",
      "stream",
      "model",
      "version"),
  /** Autoencoder anomaly score per event. */
  AE_SCORE("trigmon_ae_score", Type.HISTOGRAM, "Autoencoder score per event", "stream"),
  /** Valid events passed on by the ingest. */
  EVENTS("trigmon_events_total", Type.COUNTER, "Valid events passed on, by stream", "stream"),
  /** Records sent to the dead-letter topic. */
  DLQ_EVENTS(
      "trigmon_dlq_events_total", Type.COUNTER, "Records sent to events.dlq, by reason", "reason"),
  /**
   * Events that arrived after their window had closed (window end + allowed lateness passed by the
   * watermark): not in any tested window. Usually a source split that stalled longer than the
   * idleness timeout, or a producer running behind; the sign that windows are being tested short.
   */
  LATE_EVENTS(
      "trigmon_late_events_total",
      Type.COUNTER,
      "Events that arrived after their window closed, by stream",
      "stream"),
  /** Wall-clock time from a window's end to its published result. */
  WINDOW_LATENCY(
      "trigmon_window_latency_seconds",
      Type.TIMER,
      "Wall-clock time from window end to its result",
      "stream");

  /** How a metric appears in the Prometheus text format. */
  public enum Type {
    /** One sample, the name as is. */
    GAUGE,
    /** One sample, the name ends in {@code _total}. */
    COUNTER,
    /** A histogram of values without a unit: {@code _bucket}, {@code _sum}, {@code _count}. */
    HISTOGRAM,
    /** A histogram of durations, the name ends in {@code _seconds}. */
    TIMER
  }

  private final String prometheusName;
  private final Type type;
  private final String help;
  private final List<String> labels;

  TrigmonMetric(String prometheusName, Type type, String help, String... labels) {
    this.prometheusName = prometheusName;
    this.type = type;
    this.help = help;
    this.labels = List.of(labels);
  }

  /** The name dashboards and alert rules query (the family name of a histogram). */
  public String prometheusName() {
    return prometheusName;
  }

  public Type type() {
    return type;
  }

  /** One line for the metric's HELP text. */
  public String help() {
    return help;
  }

  /** The labels every sample carries. */
  public List<String> labels() {
    return labels;
  }

  /**
   * The names of the samples a scrape shows: the name itself, plus {@code _bucket}, {@code _sum},
   * {@code _count} and (Micrometer) {@code _max} for histograms.
   */
  public List<String> sampleNames() {
    return switch (type) {
      case GAUGE, COUNTER -> List.of(prometheusName);
      case HISTOGRAM, TIMER ->
          List.of(
              prometheusName,
              prometheusName + "_bucket",
              prometheusName + "_sum",
              prometheusName + "_count",
              prometheusName + "_max");
    };
  }

  /** The name to register with Micrometer, e.g. {@code trigmon.events} for a counter. */
  public String micrometerName() {
    String base =
        switch (type) {
          case COUNTER -> strip(prometheusName, "_total");
          case TIMER -> strip(prometheusName, "_seconds");
          case GAUGE, HISTOGRAM -> prometheusName;
        };
    return base.replace('_', '.').toLowerCase(Locale.ROOT);
  }

  private static String strip(String name, String suffix) {
    if (!name.endsWith(suffix)) {
      throw new IllegalStateException(name + " must end in " + suffix);
    }
    return name.substring(0, name.length() - suffix.length());
  }

  /** The metric whose samples include this name, if any. */
  public static java.util.Optional<TrigmonMetric> ofSample(String sampleName) {
    for (TrigmonMetric metric : values()) {
      if (metric.sampleNames().contains(sampleName)) {
        return java.util.Optional.of(metric);
      }
    }
    return java.util.Optional.empty();
  }
}
