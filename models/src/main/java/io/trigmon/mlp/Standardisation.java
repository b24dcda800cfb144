package io.trigmon.mlp;

import java.util.Arrays;

/**
 * Per-feature affine standardisation z = (x − mean) / scale, fitted on a reference sample and
 * stored with every model that reads standardised inputs (applied unchanged to every data window,
 * so that a kernel width or a network weight means the same thing in every test).
 *
 * @param mean per-feature mean of the reference
 * @param scale per-feature standard deviation of the reference (1 where it is zero)
 */
public record Standardisation(double[] mean, double[] scale) {

  public Standardisation {
    if (mean.length != scale.length) {
      throw new IllegalArgumentException("mean and scale must have the same length");
    }
    mean = mean.clone();
    scale = scale.clone();
  }

  /** Mean and standard deviation of each column of {@code rows}. */
  public static Standardisation fit(double[][] rows) {
    if (rows.length == 0) {
      throw new IllegalArgumentException("cannot standardise on an empty sample");
    }
    int d = rows[0].length;
    double[] mean = new double[d];
    double[] m2 = new double[d];
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
        m2[j] += dx * dx;
      }
    }
    double[] scale = new double[d];
    for (int j = 0; j < d; j++) {
      double sd = Math.sqrt(m2[j] / rows.length);
      scale[j] = sd > 0 ? sd : 1.0;
    }
    return new Standardisation(mean, scale);
  }

  public int dimension() {
    return mean.length;
  }

  /** Standardised copy of {@code rows}. */
  public double[][] apply(double[][] rows) {
    double[][] out = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != mean.length) {
        throw new IllegalArgumentException(
            "row " + i + " has " + rows[i].length + " features, expected " + mean.length);
      }
      double[] z = new double[mean.length];
      for (int j = 0; j < z.length; j++) {
        z[j] = (rows[i][j] - mean[j]) / scale[j];
      }
      out[i] = z;
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Standardisation s
        && Arrays.equals(mean, s.mean)
        && Arrays.equals(scale, s.scale);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(mean) + Arrays.hashCode(scale);
  }

  @Override
  public String toString() {
    return "Standardisation[mean="
        + Arrays.toString(mean)
        + ", scale="
        + Arrays.toString(scale)
        + "]";
  }
}
