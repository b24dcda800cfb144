package io.trigmon.flink;

import io.trigmon.event.Lumisection;
import io.trigmon.nplm.NplmOptions;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;

/**
 * Typed, validated settings of the monitor job (DESIGN §6). A bad value fails at start-up with a
 * message naming its key.
 *
 * @param models {@code models}: the model directory (see {@link MonitorModels})
 * @param window {@code window}: length of the tumbling event-time windows (default one lumisection,
 *     rounded to the millisecond)
 * @param allowedLateness {@code allowed-lateness}: how long after a window's end (in event time)
 *     its late events are still counted; the window's one result is emitted when the watermark
 *     passes end + lateness
 * @param outOfOrderness {@code out-of-orderness}: the watermark trails the largest event time seen
 *     by this much
 * @param idleness {@code idleness}: a source split without records for this long (processing time)
 *     stops holding back the watermark
 * @param expectedRateHz {@code expected-rate}: expected rate of tested (dilepton) events, Hz, so
 *     N(R0) = rate × window length; null for a shape-only test with a free normalisation
 * @param normSigma {@code norm-sigma}: σ_N of the normalisation nuisance when a rate is given
 * @param checkpointInterval {@code checkpoint-interval}: exactly-once results are committed at
 *     checkpoints
 * @param aux {@code aux}: auxiliary measurements ν_A of the nuisances, σ units, by name (a δ̂
 *     nuisance or {@code norm}); missing names are 0, i.e. the nominal calibration
 * @param watermarkInterval {@code watermark-interval}: how often (processing time) the watermark is
 *     advanced from the event times seen; a window can fire up to this long after the events that
 *     close it arrive (default {@link #WATERMARK_INTERVAL}, Flink's own default)
 */
public record MonitorSettings(
    String models,
    Duration window,
    Duration allowedLateness,
    Duration outOfOrderness,
    Duration idleness,
    Double expectedRateHz,
    double normSigma,
    Duration checkpointInterval,
    Map<String, Double> aux,
    Duration watermarkInterval)
    implements Serializable {

  /** One lumisection (≈ 23.31 s) in whole milliseconds. */
  public static final Duration LUMISECTION = Duration.ofMillis(Math.round(Lumisection.NANOS / 1e6));

  /** Flink's default auto-watermark interval. */
  public static final Duration WATERMARK_INTERVAL = Duration.ofMillis(200);

  /** Settings with the default watermark interval ({@link #WATERMARK_INTERVAL}). */
  public MonitorSettings(
      String models,
      Duration window,
      Duration allowedLateness,
      Duration outOfOrderness,
      Duration idleness,
      Double expectedRateHz,
      double normSigma,
      Duration checkpointInterval,
      Map<String, Double> aux) {
    this(
        models,
        window,
        allowedLateness,
        outOfOrderness,
        idleness,
        expectedRateHz,
        normSigma,
        checkpointInterval,
        aux,
        WATERMARK_INTERVAL);
  }

  public MonitorSettings {
    if (models == null || models.isBlank()) {
      throw new IllegalArgumentException("models: a model directory is required");
    }
    positive("window", window);
    notNegative("allowed-lateness", allowedLateness);
    notNegative("out-of-orderness", outOfOrderness);
    positive("idleness", idleness);
    positive("checkpoint-interval", checkpointInterval);
    positive("watermark-interval", watermarkInterval);
    if (expectedRateHz != null && !(expectedRateHz > 0 && Double.isFinite(expectedRateHz))) {
      throw new IllegalArgumentException(
          "expected-rate: must be a positive number of events/s, got " + expectedRateHz);
    }
    if (!(normSigma >= 0 && Double.isFinite(normSigma))) {
      throw new IllegalArgumentException("norm-sigma: must be >= 0, got " + normSigma);
    }
    aux = aux == null ? Map.of() : Map.copyOf(aux);
    aux.forEach(
        (name, value) -> {
          if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(
                "aux: the value of " + name + " must be a finite number of σ, got " + value);
          }
        });
  }

  /**
   * Defaults for a model directory: lumisection windows, 5 s lateness, 2 s out-of-orderness, 30 s
   * idleness, shape-only, σ_N = 2.5 %, checkpoints every 10 s, ν_A = 0, watermarks every 200 ms.
   */
  public static MonitorSettings defaults(String models) {
    return new MonitorSettings(
        models,
        LUMISECTION,
        Duration.ofSeconds(5),
        Duration.ofSeconds(2),
        Duration.ofSeconds(30),
        null,
        NplmOptions.DEFAULT_NORM_SIGMA,
        Duration.ofSeconds(10),
        Map.of());
  }

  public MonitorSettings withWindow(Duration value) {
    return new MonitorSettings(
        models,
        value,
        allowedLateness,
        outOfOrderness,
        idleness,
        expectedRateHz,
        normSigma,
        checkpointInterval,
        aux,
        watermarkInterval);
  }

  public MonitorSettings withAllowedLateness(Duration value) {
    return new MonitorSettings(
        models,
        window,
        value,
        outOfOrderness,
        idleness,
        expectedRateHz,
        normSigma,
        checkpointInterval,
        aux,
        watermarkInterval);
  }

  public MonitorSettings withOutOfOrderness(Duration value) {
    return new MonitorSettings(
        models,
        window,
        allowedLateness,
        value,
        idleness,
        expectedRateHz,
        normSigma,
        checkpointInterval,
        aux,
        watermarkInterval);
  }

  public MonitorSettings withIdleness(Duration value) {
    return new MonitorSettings(
        models,
        window,
        allowedLateness,
        outOfOrderness,
        value,
        expectedRateHz,
        normSigma,
        checkpointInterval,
        aux,
        watermarkInterval);
  }

  public MonitorSettings withExpectedRate(Double hz) {
    return new MonitorSettings(
        models,
        window,
        allowedLateness,
        outOfOrderness,
        idleness,
        hz,
        normSigma,
        checkpointInterval,
        aux,
        watermarkInterval);
  }

  public MonitorSettings withCheckpointInterval(Duration value) {
    return new MonitorSettings(
        models,
        window,
        allowedLateness,
        outOfOrderness,
        idleness,
        expectedRateHz,
        normSigma,
        value,
        aux,
        watermarkInterval);
  }

  public MonitorSettings withAux(Map<String, Double> values) {
    return new MonitorSettings(
        models,
        window,
        allowedLateness,
        outOfOrderness,
        idleness,
        expectedRateHz,
        normSigma,
        checkpointInterval,
        values,
        watermarkInterval);
  }

  public MonitorSettings withWatermarkInterval(Duration value) {
    return new MonitorSettings(
        models,
        window,
        allowedLateness,
        outOfOrderness,
        idleness,
        expectedRateHz,
        normSigma,
        checkpointInterval,
        aux,
        value);
  }

  /** N(R0) of a window of this length from the configured rate; null when none is configured. */
  public Double rateExpected() {
    return expectedRateHz == null ? null : expectedRateHz * (window.toNanos() / 1e9);
  }

  /** The NPLM options of a window of this length: N(R0) from the rate, or shape-only. */
  public NplmOptions nplmOptions() {
    return nplmOptions(rateExpected());
  }

  /**
   * The NPLM options of a window expecting {@code expected} events (null: shape-only, with a free
   * normalisation), with the configured σ_N and ν_A.
   */
  public NplmOptions nplmOptions(Double expected) {
    NplmOptions options =
        expected == null
            ? NplmOptions.shapeOnly()
            : NplmOptions.expected(expected).withNormSigma(normSigma);
    return options.withAux(aux);
  }

  private static void positive(String key, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(key + ": must be a positive duration, got " + value);
    }
  }

  private static void notNegative(String key, Duration value) {
    if (value == null || value.isNegative()) {
      throw new IllegalArgumentException(key + ": must not be negative, got " + value);
    }
  }
}
