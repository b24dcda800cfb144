package io.trigmon.nuisance;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/** χ² tail probabilities for the checks. */
final class ChiSquare {

  private ChiSquare() {}

  /** P(χ²_ndof ≥ chi2); NaN when undefined. */
  static double survival(double chi2, int ndof) {
    if (ndof <= 0 || !Double.isFinite(chi2)) {
      return Double.NaN;
    }
    return Math.max(0, 1 - new ChiSquaredDistribution(ndof).cumulativeProbability(chi2));
  }
}
