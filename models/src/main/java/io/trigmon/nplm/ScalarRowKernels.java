package io.trigmon.nplm;

/**
 * {@link RowKernels} in plain Java. The eight partial sums keep eight chains of additions in
 * flight: a single running sum waits one add latency per element, and the JIT does not reorder a
 * floating-point reduction by itself.
 */
final class ScalarRowKernels implements RowKernels {

  @Override
  public double dot(double[] x, int offset, double[] y, int n) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    double s4 = 0;
    double s5 = 0;
    double s6 = 0;
    double s7 = 0;
    int j = 0;
    for (; j + 7 < n; j += 8) {
      int o = offset + j;
      s0 += x[o] * y[j];
      s1 += x[o + 1] * y[j + 1];
      s2 += x[o + 2] * y[j + 2];
      s3 += x[o + 3] * y[j + 3];
      s4 += x[o + 4] * y[j + 4];
      s5 += x[o + 5] * y[j + 5];
      s6 += x[o + 6] * y[j + 6];
      s7 += x[o + 7] * y[j + 7];
    }
    for (; j < n; j++) {
      s0 += x[offset + j] * y[j];
    }
    return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
  }

  @Override
  public void addScaled(double[] target, double s, double[] x, int offset, int n) {
    for (int j = 0; j < n; j++) {
      target[j] += s * x[offset + j];
    }
  }
}
