package io.trigmon.simulation;

/**
 * Fast standard normal tail and quantile functions for sampling in normal tails, where Commons
 * Math's exact but slow incomplete-gamma and inverse-erf routines would dominate the cost of
 * generating an event.
 */
final class StandardNormal {

  private static final double[] A = {
    -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
    1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00
  };
  private static final double[] B = {
    -5.447609879822406e+01,
    1.615858368580409e+02,
    -1.556989798598866e+02,
    6.680131188771972e+01,
    -1.328068155288572e+01
  };
  private static final double[] C = {
    -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
    -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00
  };
  private static final double[] D = {
    7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00
  };
  private static final double P_LOW = 0.02425;

  private StandardNormal() {}

  /**
   * Φ̄(t) = erfc(t/√2)/2 by the Chebyshev fit of Numerical Recipes (erfcc), relative error below
   * 1.2·10⁻⁷.
   */
  static double upperTail(double t) {
    double x = Math.abs(t) / Math.sqrt(2);
    double z = 1 / (1 + 0.5 * x);
    double poly =
        -1.26551223
            + z
                * (1.00002368
                    + z
                        * (0.37409196
                            + z
                                * (0.09678418
                                    + z
                                        * (-0.18628806
                                            + z
                                                * (0.27886807
                                                    + z
                                                        * (-1.13520398
                                                            + z
                                                                * (1.48851587
                                                                    + z
                                                                        * (-0.82215223
                                                                            + z
                                                                                * 0.17087277))))))));
    double erfc = z * Math.exp(-x * x + poly);
    return t >= 0 ? 0.5 * erfc : 1 - 0.5 * erfc;
  }

  /**
   * Φ⁻¹(p) for p in (0, 1) by Acklam's rational approximation: relative error about 10⁻⁹ for p in
   * [10⁻⁹, 1 − 10⁻⁹], about 10⁻⁵ in the extreme tails.
   */
  static double quantile(double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("probability must be in (0, 1), got " + p);
    }
    if (p < P_LOW) {
      double q = Math.sqrt(-2 * Math.log(p));
      return tail(q);
    }
    if (p > 1 - P_LOW) {
      double q = Math.sqrt(-2 * Math.log(1 - p));
      return -tail(q);
    }
    double q = p - 0.5;
    double r = q * q;
    return (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5])
        * q
        / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
  }

  private static double tail(double q) {
    return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
        / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  }
}
