package io.trigmon.nplm;

import java.util.Arrays;

/**
 * Per-feature affine standardisation x → (x − mean)/std, estimated on the reference sample and
 * applied unchanged to every data window, so that the kernel width means the same thing in every
 * test.
 *
 * @param mean per-feature mean of the reference
 * @param std per-feature standard deviation of the reference (a constant feature gets 1)
 */
public record Standardisation(double[] mean, double[] std) {

  public Standardisation {
    if (mean.length != std.length) {
      throw new IllegalArgumentException("mean and std must have the same length");
    }
    mean = mean.clone();
    std = std.clone();
  }

  /** Mean and standard deviation of each column of {@code rows}. */
  public static Standardisation of(double[][] rows) {
    if (rows.length < 2) {
      throw new IllegalArgumentException("need at least two reference events to standardise");
    }
    int d = rows[0].length;
    double[] mean = new double[d];
    double[] var = new double[d];
    for (double[] row : rows) {
      for (int j = 0; j < d; j++) {
        mean[j] += row[j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= rows.length;
    }
    for (double[] row : rows) {
      for (int j = 0; j < d; j++) {
        double dx = row[j] - mean[j];
        var[j] += dx * dx;
      }
    }
    double[] std = new double[d];
    for (int j = 0; j < d; j++) {
      double s = Math.sqrt(var[j] / (rows.length - 1));
      std[j] = s > 0 ? s : 1;
    }
    return new Standardisation(mean, std);
  }

  public int dimension() {
    return mean.length;
  }

  /** Standardised copy of {@code rows}. */
  public double[][] apply(double[][] rows) {
    double[][] out = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      double[] row = rows[i];
      if (row.length != mean.length) {
        throw new IllegalArgumentException(
            "event " + i + " has " + row.length + " features, expected " + mean.length);
      }
      double[] z = new double[row.length];
      for (int j = 0; j < row.length; j++) {
        z[j] = (row[j] - mean[j]) / std[j];
      }
      out[i] = z;
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Standardisation s
        && Arrays.equals(mean, s.mean)
        && Arrays.equals(std, s.std);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
  }

  @Override
  public String toString() {
    return "Standardisation[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
  }
}
