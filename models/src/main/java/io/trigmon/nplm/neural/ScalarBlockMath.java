package io.trigmon.nplm.neural;

/** {@link BlockMath} in plain Java (a JVM without the Vector API module). */
final class ScalarBlockMath implements BlockMath {

  @Override
  public void sigmoid(double[] z, int m) {
    for (int b = 0; b < m; b++) {
      z[b] = 1 / (1 + Math.exp(-z[b]));
    }
  }

  @Override
  public void exp(double[] u, double[] out, int m) {
    for (int b = 0; b < m; b++) {
      out[b] = Math.exp(u[b]);
    }
  }

  /** Four partial sums, so that the multiply-adds do not wait on one another. */
  @Override
  public double dot(double[] a, double[] x, int off, int m) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int b = 0;
    for (; b + 3 < m; b += 4) {
      s0 += a[b] * x[off + b];
      s1 += a[b + 1] * x[off + b + 1];
      s2 += a[b + 2] * x[off + b + 2];
      s3 += a[b + 3] * x[off + b + 3];
    }
    for (; b < m; b++) {
      s0 += a[b] * x[off + b];
    }
    return (s0 + s1) + (s2 + s3);
  }

  @Override
  public double sum(double[] a, int m) {
    double s = 0;
    for (int b = 0; b < m; b++) {
      s += a[b];
    }
    return s;
  }

  @Override
  public void axpy(double w, double[] x, int off, double[] z, int m) {
    for (int b = 0; b < m; b++) {
      z[b] += w * x[off + b];
    }
  }

  @Override
  public void timesSigmoidSlope(double[] g, double[] a, int m) {
    for (int b = 0; b < m; b++) {
      g[b] *= a[b] * (1 - a[b]);
    }
  }
}
