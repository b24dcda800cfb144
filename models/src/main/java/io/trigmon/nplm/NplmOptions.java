package io.trigmon.nplm;

import java.util.Map;

/**
 * Per-window settings of an NPLM test.
 *
 * <ul>
 *   <li>{@code expected}: N(R0), the expected number of data events under the reference hypothesis;
 *       the reference weights are w = N(R0)/N_R. Null means <em>shape-only</em>: the weights are
 *       scaled to the observed N_D and the log-normalisation ν_N is a free, unconstrained parameter
 *       (s_N = 1), so no rate information enters τ or Δ (DESIGN §6).
 *   <li>{@code normSigma}: σ_N of the log-normalisation nuisance, entering log r̂ as σ_N·ν_N with a
 *       unit Gaussian constraint; 0 means none (a rate excess then counts as a signal). Ignored in
 *       shape-only mode.
 *   <li>{@code aux}: auxiliary measurements ν_A in σ units by nuisance name ({@link #NORM} for the
 *       normalisation); missing names are 0.
 *   <li>{@code tolerance}: the fits stop when the predicted loss decrease is below it (t is then
 *       accurate to about twice that).
 * </ul>
 */
public record NplmOptions(
    Double expected,
    double normSigma,
    Map<String, Double> aux,
    double tolerance,
    int maxIterations) {

  /** Name of the log-normalisation nuisance in {@code aux} and in ν̂. */
  public static final String NORM = "norm";

  /** Default σ_N (DESIGN §3: global normalisation 2.5 %). */
  public static final double DEFAULT_NORM_SIGMA = 0.025;

  public NplmOptions {
    if (expected != null && !(expected > 0)) {
      throw new IllegalArgumentException("expected count N(R0) must be positive, got " + expected);
    }
    if (!(normSigma >= 0)) {
      throw new IllegalArgumentException("norm-sigma must be >= 0, got " + normSigma);
    }
    if (!(tolerance > 0)) {
      throw new IllegalArgumentException("tolerance must be positive, got " + tolerance);
    }
    aux = Map.copyOf(aux);
  }

  /** Shape-only, no normalisation nuisance, no auxiliary shifts. */
  public static NplmOptions shapeOnly() {
    return new NplmOptions(null, 0, Map.of(), 1e-6, 100);
  }

  /** Expected count N(R0) and no normalisation nuisance. */
  public static NplmOptions expected(double expected) {
    return new NplmOptions(expected, 0, Map.of(), 1e-6, 100);
  }

  public NplmOptions withExpected(Double n) {
    return new NplmOptions(n, normSigma, aux, tolerance, maxIterations);
  }

  public NplmOptions withNormSigma(double sigma) {
    return new NplmOptions(expected, sigma, aux, tolerance, maxIterations);
  }

  public NplmOptions withAux(Map<String, Double> values) {
    return new NplmOptions(expected, normSigma, values, tolerance, maxIterations);
  }

  public NplmOptions withTolerance(double loss) {
    return new NplmOptions(expected, normSigma, aux, loss, maxIterations);
  }

  public boolean shapeOnlyMode() {
    return expected == null;
  }

  double auxOf(String name) {
    return aux.getOrDefault(name, 0.0);
  }
}
