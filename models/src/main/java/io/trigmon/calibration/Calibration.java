package io.trigmon.calibration;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The null distribution of the NPLM statistic t for one reference and one test configuration: the
 * toys' t values by generated ν*, and the χ² fitted to all of them. An observed t maps to
 *
 * <ul>
 *   <li>p = k/N, k the number of toys with t ≥ the observed value, when k ≥ {@link #MIN_TAIL_TOYS}
 *       (the toys suffice: the empirical p has at most ~30 % relative error; being at least k/N it
 *       respects the 1/N_toys floor of the published protocol);
 *   <li>the fitted χ² upper tail beyond either end of the toys: where too few toys are left above t
 *       to count, and where t lies below almost every toy (so that p stays below 1 and Z finite).
 * </ul>
 *
 * and Z = Φ⁻¹(1 − p), computed from the upper tail.
 *
 * @param fit the χ² fitted to all toys
 * @param toys t values of the null toys by ν* (σ units), e.g. {0: …, 1: …, −1: …}
 */
public record Calibration(ChiSquareFit fit, Map<Double, double[]> toys) {

  /** Below this many toys above t, p comes from the χ² tail. */
  public static final int MIN_TAIL_TOYS = 10;

  public Calibration {
    Map<Double, double[]> copy = new LinkedHashMap<>();
    toys.forEach((nu, t) -> copy.put(nu, t.clone()));
    toys = Collections.unmodifiableMap(copy);
  }

  /** Fits the χ² to the union of all toys. */
  public static Calibration of(Map<Double, double[]> toys) {
    return new Calibration(ChiSquareFit.of(all(toys)), toys);
  }

  /** All toy t values, sorted. */
  public double[] allToys() {
    return all(toys);
  }

  private static double[] all(Map<Double, double[]> toys) {
    double[] t = toys.values().stream().flatMapToDouble(Arrays::stream).sorted().toArray();
    if (t.length == 0) {
      throw new IllegalArgumentException("a calibration needs toys");
    }
    return t;
  }

  public double dof() {
    return fit.dof();
  }

  /** p-value of an observed t (see the class comment). */
  public double pValue(double t) {
    return Math.exp(logPValue(t));
  }

  /** log p, for t so large that p underflows. */
  public double logPValue(double t) {
    double[] sorted = allToys();
    int above = sorted.length - lowerBound(sorted, t);
    int below = sorted.length - above;
    // Beyond either end of the toys the fitted χ² speaks: an empirical p of 1 (t below every toy)
    // would give Z = −∞ on a dashboard, where the χ² gives a finite, honest negative Z.
    if (above >= MIN_TAIL_TOYS && below >= MIN_TAIL_TOYS) {
      return Math.log((double) above / sorted.length);
    }
    return ZScore.logChiSquareTail(t, fit.dof());
  }

  /** Z = Φ⁻¹(1 − p) of an observed t. */
  public double z(double t) {
    return ZScore.fromLogP(logPValue(t));
  }

  /** First index with sorted[i] ≥ t. */
  private static int lowerBound(double[] sorted, double t) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
