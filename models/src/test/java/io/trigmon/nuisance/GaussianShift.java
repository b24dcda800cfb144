package io.trigmon.nuisance;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A synthetic nuisance with a closed-form density ratio: x1 ~ N(σν, 1) selected by x1 > cut, x2 ~
 * N(0, 1) untouched. Per expected event, n(x|R_ν)/n(x|R0) = exp(σ ν x1 − σ² ν² / 2) exactly, so
 * δ_1(x) = σ x1 and δ_2 = −σ²/2; the cut makes a shift change the rate (yield ratio Φ̄(cut −
 * σν)/Φ̄(cut)).
 */
record GaussianShift(double sigma, double cut) {

  private static final NormalDistribution NORMAL = new NormalDistribution();

  static final String NAME = "shift";

  double[][] sample(double nu, int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] rows = new double[n][];
    int i = 0;
    while (i < n) {
      double x1 = sigma * nu + random.nextGaussian();
      double x2 = random.nextGaussian();
      if (x1 > cut) {
        rows[i++] = new double[] {x1, x2};
      }
    }
    return rows;
  }

  double yieldRatio(double nu) {
    return NORMAL.cumulativeProbability(sigma * nu - cut) / NORMAL.cumulativeProbability(-cut);
  }

  VariedSample varied(double nu, int n, long seed) {
    return new VariedSample(NAME, nu, sample(nu, n, seed), yieldRatio(nu));
  }

  double trueLogRatio(double[] x, double nu) {
    return sigma * nu * x[0] - sigma * sigma * nu * nu / 2;
  }
}
