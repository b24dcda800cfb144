package io.trigmon.calibration;

import java.util.Arrays;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * The χ² degrees of freedom that best describe a sample of null test statistics, fitted by minimum
 * Kolmogorov–Smirnov distance (as in the NPLM papers), with the KS p-value of the fitted
 * distribution as goodness of fit. The p-value does not account for the fitted dof, so it is
 * somewhat optimistic (Lilliefors); with a few hundred toys the effect is small.
 *
 * @param dof fitted degrees of freedom
 * @param ksDistance sup |F_toys − F_χ²(dof)|
 * @param ksPValue KS p-value of the toys against χ²(dof)
 * @param toys number of toys
 */
public record ChiSquareFit(double dof, double ksDistance, double ksPValue, int toys) {

  /** Fits the dof of {@code t} (at least 5 values). */
  public static ChiSquareFit of(double[] t) {
    if (t.length < 5) {
      throw new IllegalArgumentException("need at least 5 toys to fit a χ², got " + t.length);
    }
    double[] sorted = t.clone();
    Arrays.sort(sorted);
    double mean = Arrays.stream(sorted).average().orElseThrow();
    double lo = 0.05;
    double hi = Math.max(1, 4 * Math.max(mean, 0.1));
    // The KS distance is piecewise smooth in dof and unimodal in practice: a grid, then golden
    // section on the bracket around the best grid point.
    int grid = 200;
    double best = lo;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int i = 0; i <= grid; i++) {
      double dof = lo + (hi - lo) * i / grid;
      double d = distance(sorted, dof);
      if (d < bestDistance) {
        bestDistance = d;
        best = dof;
      }
    }
    double step = (hi - lo) / grid;
    double a = Math.max(lo, best - step);
    double b = best + step;
    double golden = (Math.sqrt(5) - 1) / 2;
    for (int i = 0; i < 60; i++) {
      double x1 = b - golden * (b - a);
      double x2 = a + golden * (b - a);
      if (distance(sorted, x1) < distance(sorted, x2)) {
        b = x2;
      } else {
        a = x1;
      }
    }
    double dof = (a + b) / 2;
    if (distance(sorted, dof) > bestDistance) {
      dof = best;
    }
    double ks = distance(sorted, dof);
    double p =
        new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new ChiSquaredDistribution(null, dof), t);
    return new ChiSquareFit(dof, ks, p, t.length);
  }

  /** KS distance between the empirical distribution of sorted values and χ²(dof). */
  static double distance(double[] sorted, double dof) {
    ChiSquaredDistribution chi2 = new ChiSquaredDistribution(null, dof);
    int n = sorted.length;
    double d = 0;
    for (int i = 0; i < n; i++) {
      double f = chi2.cumulativeProbability(sorted[i]);
      d = Math.max(d, Math.max((i + 1.0) / n - f, f - (double) i / n));
    }
    return d;
  }
}
