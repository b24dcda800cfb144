package io.trigmon.nplm;

/**
 * Cholesky factorisation L Lᵀ = A + μI of a small symmetric matrix (the Newton system, a few
 * hundred rows), with the smallest damping μ ≥ 0 (0, then growing from 1e−10·mean diagonal) that
 * makes it positive definite.
 */
final class Cholesky {

  private final double[][] lower;
  private final double damping;

  private Cholesky(double[][] lower, double damping) {
    this.lower = lower;
    this.damping = damping;
  }

  /** The factor of A + μI for the smallest μ tried that works. */
  static Cholesky damped(double[][] a) {
    int n = a.length;
    double meanDiagonal = 0;
    for (int i = 0; i < n; i++) {
      meanDiagonal += Math.abs(a[i][i]) / n;
    }
    double mu = 0;
    for (int attempt = 0; attempt < 40; attempt++) {
      double[][] l = factor(a, mu);
      if (l != null) {
        return new Cholesky(l, mu);
      }
      mu = mu == 0 ? 1e-10 * Math.max(meanDiagonal, 1e-300) : mu * 10;
    }
    throw new ArithmeticException("matrix could not be made positive definite");
  }

  double damping() {
    return damping;
  }

  private static double[][] factor(double[][] a, double mu) {
    int n = a.length;
    double[][] l = new double[n][];
    for (int i = 0; i < n; i++) {
      l[i] = new double[i + 1];
      for (int j = 0; j <= i; j++) {
        double s = a[i][j] + (i == j ? mu : 0);
        double[] li = l[i];
        double[] lj = l[j];
        for (int k = 0; k < j; k++) {
          s -= li[k] * lj[k];
        }
        if (i == j) {
          if (!(s > 0)) {
            return null;
          }
          li[i] = Math.sqrt(s);
        } else {
          li[j] = s / lj[j];
        }
      }
    }
    return l;
  }

  /** x with (A + μI) x = b. */
  double[] solve(double[] b) {
    int n = b.length;
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double s = b[i];
      for (int k = 0; k < i; k++) {
        s -= lower[i][k] * y[k];
      }
      y[i] = s / lower[i][i];
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = y[i];
      for (int k = i + 1; k < n; k++) {
        s -= lower[k][i] * x[k];
      }
      x[i] = s / lower[i][i];
    }
    return x;
  }
}
