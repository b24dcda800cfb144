package io.trigmon.autoencoder;

/**
 * The squared distance correlation dCor²(X, Y) of Székely, Rizzo and Bakirov (Ann. Statist. 35
 * (2007) 2769), the V-statistic form used by the DisCo penalty (Kasieczka &amp; Shih, PRL 125
 * (2020) 122001): with a_ij = |x_i − x_j|, b_ij = ‖y_i − y_j‖ and double-centred A, B,
 *
 * <pre>
 *   dCor² = mean(A∘B) / sqrt(mean(A∘A) · mean(B∘B)),
 * </pre>
 *
 * 0 for independent samples (in the limit), 1 for a linear relation. This direct O(n²) form checks
 * the differentiable one in training and measures decorrelation in the validation report; it stores
 * no n × n matrix.
 */
public final class DistanceCorrelation {

  private DistanceCorrelation() {}

  /** dCor² between scalars {@code x[0..n)} and vectors {@code y} (rows of {@code dim}). */
  public static double squared(float[] x, float[] y, int n, int dim) {
    double[] rowA = new double[n];
    double[] rowB = new double[n];
    double meanA = 0;
    double meanB = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        rowA[i] += Math.abs(x[i] - x[j]);
        rowB[i] += distance(y, i, j, dim);
      }
      meanA += rowA[i];
      meanB += rowB[i];
      rowA[i] /= n;
      rowB[i] /= n;
    }
    meanA /= (double) n * n;
    meanB /= (double) n * n;
    double ab = 0;
    double aa = 0;
    double bb = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double a = Math.abs(x[i] - x[j]) - rowA[i] - rowA[j] + meanA;
        double b = distance(y, i, j, dim) - rowB[i] - rowB[j] + meanB;
        ab += a * b;
        aa += a * a;
        bb += b * b;
      }
    }
    double denominator = Math.sqrt(aa * bb);
    return denominator == 0 ? 0 : ab / denominator;
  }

  private static double distance(float[] y, int i, int j, int dim) {
    double sum = 0;
    for (int k = 0; k < dim; k++) {
      double d = y[i * dim + k] - y[j * dim + k];
      sum += d * d;
    }
    return Math.sqrt(sum);
  }
}
