package io.trigmon.cli;

import java.util.Arrays;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.Well19937c;

/**
 * The known-shape limit beside an NPLM power number (reports/nplm/power-investigation.md): a binned
 * likelihood-ratio test in M12 that knows the signal's shape, with the signal strength μ ≥ 0
 * fitted, Z = √q. No signal-agnostic test of the same windows can do better, so its P(Z ≥ 2), P(Z ≥
 * 3) and median Z bound the NPLM's. Background and signal shapes come from simulated M12 samples (5
 * GeV bins from the selection's mass cut to 1 TeV), toys are Poisson per bin.
 *
 * @param p2 P(Z ≥ 2) over the toys
 * @param p3 P(Z ≥ 3)
 * @param medianZ median Z
 * @param asimovZ Z of the Asimov data set (expected counts)
 */
record KnownShapeBound(double p2, double p3, double medianZ, double asimovZ) {

  private static final double BIN = 5;
  private static final double HIGH = 1000;

  /**
   * @param backgroundM12 M12 of background events (their shape)
   * @param signalM12 M12 of signal events (their shape)
   * @param massMin lower edge of the histogram (the selection's mass cut)
   * @param expectedBackground background events in a window, N(0)
   * @param expectedSignal signal events in a window, N(S)
   */
  static KnownShapeBound of(
      double[] backgroundM12,
      double[] signalM12,
      double massMin,
      double expectedBackground,
      double expectedSignal,
      int toys,
      long seed) {
    int bins = (int) Math.ceil((HIGH - massMin) / BIN);
    double[] b = histogram(backgroundM12, massMin, bins, expectedBackground);
    double[] s = histogram(signalM12, massMin, bins, expectedSignal);
    double floor = 0.5 * expectedBackground / backgroundM12.length;
    for (int i = 0; i < bins; i++) {
      if (s[i] > 0 && b[i] == 0) {
        b[i] = floor; // an empty background bin holds less than one sample event, not zero
      }
    }
    double[] asimov = new double[bins];
    for (int i = 0; i < bins; i++) {
      asimov[i] = b[i] + s[i];
    }
    Well19937c random = new Well19937c(seed);
    double[] z = new double[toys];
    double[] n = new double[bins];
    for (int t = 0; t < toys; t++) {
      for (int i = 0; i < bins; i++) {
        n[i] =
            asimov[i] > 0
                ? new PoissonDistribution(
                        random, asimov[i], PoissonDistribution.DEFAULT_EPSILON, 10_000_000)
                    .sample()
                : 0;
      }
      z[t] = z(n, b, s);
    }
    return new KnownShapeBound(
        fraction(z, 2), fraction(z, 3), NplmStudy.median(z), z(asimov, b, s));
  }

  private static double[] histogram(double[] m12, double lo, int bins, double total) {
    double[] h = new double[bins];
    for (double m : m12) {
      int i = (int) ((m - lo) / BIN);
      if (m >= lo && i < bins) {
        h[i] += total / m12.length;
      }
    }
    return h;
  }

  /** √q, q = 2 max_{μ≥0} Σ [n ln(1 + μ s/b) − μ s] (bins without background skipped). */
  private static double z(double[] n, double[] b, double[] s) {
    double lo = 0;
    double hi = 20;
    for (int k = 0; k < 100; k++) { // bisection on the concave profile's derivative
      double mu = (lo + hi) / 2;
      if (derivative(n, b, s, mu) > 0) {
        lo = mu;
      } else {
        hi = mu;
      }
    }
    double mu = lo;
    double q = 0;
    for (int i = 0; i < n.length; i++) {
      if (b[i] > 0) {
        q += 2 * (n[i] * Math.log1p(mu * s[i] / b[i]) - mu * s[i]);
      }
    }
    return Math.sqrt(Math.max(0, q));
  }

  private static double derivative(double[] n, double[] b, double[] s, double mu) {
    double d = 0;
    for (int i = 0; i < n.length; i++) {
      if (b[i] > 0) {
        d += n[i] * s[i] / (b[i] + mu * s[i]) - s[i];
      }
    }
    return d;
  }

  private static double fraction(double[] z, double threshold) {
    return Arrays.stream(z).filter(v -> v >= threshold).count() / (double) z.length;
  }
}
