package io.trigmon.calibration;

import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/**
 * Significance Z = Φ⁻¹(1 − p) of a one-sided p-value, and χ² upper tails, computed from the upper
 * tail in log space so that they stay accurate where 1 − p rounds to 1 (Z ≳ 8) and beyond the
 * smallest double (Z ≳ 38).
 */
public final class ZScore {

  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

  private ZScore() {}

  /** Z = Φ⁻¹(1 − p); +∞ for p = 0, −∞ for p = 1. */
  public static double fromP(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("p must be in [0, 1], got " + p);
    }
    if (p == 0) {
      return Double.POSITIVE_INFINITY;
    }
    return fromLogP(Math.log(p));
  }

  /** Z from log p (p ≤ 1), for tails that underflow a double. */
  public static double fromLogP(double logP) {
    if (logP >= 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (logP == Double.NEGATIVE_INFINITY) {
      return Double.POSITIVE_INFINITY;
    }
    if (logP > Math.log(0.5)) { // p > 0.5: Z < 0, by symmetry from the other tail
      return -fromLogP(Math.log1p(-Math.exp(logP)));
    }
    // Start from the asymptotic inverse of log Q(z) ≈ −z²/2 − log(z√(2π)), then Newton on log Q.
    double z = Math.sqrt(Math.max(0, -2 * logP));
    if (z > 1) {
      z = Math.sqrt(Math.max(0, -2 * logP - 2 * Math.log(z) - 2 * LOG_SQRT_2PI));
    }
    for (int i = 0; i < 50; i++) {
      double logQ = logUpperTail(z);
      double logDensity = -z * z / 2 - LOG_SQRT_2PI;
      // d log Q / dz = −φ(z)/Q(z)
      double step = (logQ - logP) / Math.exp(logDensity - logQ);
      z += step;
      if (Math.abs(step) < 1e-13 * Math.max(1, Math.abs(z))) {
        break;
      }
    }
    return z;
  }

  /** log Q(z), Q the standard normal upper tail, accurate for large z. */
  static double logUpperTail(double z) {
    if (z < 5) {
      return Math.log(0.5 * Erf.erfc(z / Math.sqrt(2)));
    }
    // Continued fraction (Lentz) for Q(z)/φ(z), the Mills ratio.
    double f = mills(z);
    return -z * z / 2 - LOG_SQRT_2PI + Math.log(f);
  }

  /** Mills ratio R(z) = Q(z)/φ(z) = 1/(z + 1/(z + 2/(z + 3/(z + …)))) for z ≥ 5. */
  private static double mills(double z) {
    double value = z;
    for (int k = 60; k >= 1; k--) {
      value = z + k / value;
    }
    return 1 / value;
  }

  /** log of the χ² upper tail P(χ²_dof ≥ t). */
  public static double logChiSquareTail(double t, double dof) {
    if (t <= 0) {
      return 0;
    }
    double q = Gamma.regularizedGammaQ(dof / 2, t / 2);
    if (q > 1e-300) {
      return Math.log(q);
    }
    // Asymptotic tail: Q(a, x) ≈ x^{a−1} e^{−x} / Γ(a) · (1 + (a−1)/x + (a−1)(a−2)/x² …).
    double a = dof / 2;
    double x = t / 2;
    double series = 1;
    double term = 1;
    for (int k = 1; k < 20; k++) {
      term *= (a - k) / x;
      series += term;
      if (Math.abs(term) < 1e-16) {
        break;
      }
    }
    return (a - 1) * Math.log(x) - x - Gamma.logGamma(a) + Math.log(series);
  }
}
