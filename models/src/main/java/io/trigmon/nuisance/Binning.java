package io.trigmon.nuisance;

import java.util.Arrays;

/** Bins with equal nominal population: edges at quantiles of the nominal projection. */
record Binning(double[] inner) {

  static Binning quantiles(double[] nominal, int bins) {
    if (bins < 2) {
      throw new IllegalArgumentException("at least two bins are needed, got " + bins);
    }
    double[] sorted = nominal.clone();
    Arrays.sort(sorted);
    double[] inner = new double[bins - 1];
    for (int b = 1; b < bins; b++) {
      inner[b - 1] = sorted[(int) ((long) b * sorted.length / bins)];
    }
    return new Binning(inner);
  }

  int bins() {
    return inner.length + 1;
  }

  int bin(double value) {
    int i = Arrays.binarySearch(inner, value);
    return i >= 0 ? i + 1 : -i - 1;
  }

  /** Sum of {@code weights} per bin ({@code null} weights count events). */
  double[] histogram(double[] values, double[] weights) {
    double[] h = new double[bins()];
    for (int i = 0; i < values.length; i++) {
      h[bin(values[i])] += weights == null ? 1 : weights[i];
    }
    return h;
  }
}
