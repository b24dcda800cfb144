package io.trigmon.nplm;

import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * An orthonormal basis of the span of the Gaussian kernels centred on the Nyström centres: with
 * K_MM = U Λ Uᵀ, the feature map φ(x) = Λ^{−1/2} Uᵀ k_M(x) turns f(x) = Σ_j α_j k(x, c_j) into f(x)
 * = βᵀφ(x) with α = U Λ^{−1/2} β and αᵀK_MM α = |β|². Directions whose eigenvalue is below {@link
 * #RELATIVE_CUTOFF} of the largest are dropped: with the wide kernels of the published protocol
 * K_MM is numerically singular, and those directions carry no function values on the data, only
 * round-off. The rank r of the basis is what the fit works with, which keeps the Newton system r ×
 * r with r ≤ M.
 */
public final class NystromBasis {

  /** Eigenvalues of K_MM below this fraction of the largest are dropped. */
  public static final double RELATIVE_CUTOFF = 1e-10;

  private final double[][] centres;
  private final double[][] centreCoordinates; // coordinate j of every centre: centres transposed
  private final double inverseTwoSigmaSquared;
  private final int rank;

  /** Λ^{−1/2}Uᵀ as an M × r row-major array: φ_j(x) = Σ_m k_m(x) transform[m·r + j]. */
  private final double[] transform;

  /**
   * @param centres standardised centres c_j (M × d)
   * @param sigma kernel width
   */
  public NystromBasis(double[][] centres, double sigma) {
    this.centres = centres;
    this.centreCoordinates = transposed(centres);
    this.inverseTwoSigmaSquared = 1 / (2 * sigma * sigma);
    int m = centres.length;
    double[][] kmm = new double[m][m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j <= i; j++) {
        double k = kernel(centres[i], centres[j]);
        kmm[i][j] = k;
        kmm[j][i] = k;
      }
    }
    EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(kmm, false));
    double[] values = eigen.getRealEigenvalues();
    double max = java.util.Arrays.stream(values).max().orElse(0);
    int[] kept = IntStream.range(0, m).filter(i -> values[i] > RELATIVE_CUTOFF * max).toArray();
    this.rank = kept.length;
    this.transform = new double[m * rank];
    for (int j = 0; j < rank; j++) {
      double scale = 1 / Math.sqrt(values[kept[j]]);
      double[] u = eigen.getEigenvector(kept[j]).toArray();
      for (int i = 0; i < m; i++) {
        transform[i * rank + j] = u[i] * scale;
      }
    }
  }

  public int centres() {
    return centres.length;
  }

  /** Rank r of the basis (number of features). */
  public int rank() {
    return rank;
  }

  private static double[][] transposed(double[][] rows) {
    int d = rows.length == 0 ? 0 : rows[0].length;
    double[][] columns = new double[d][rows.length];
    for (int i = 0; i < rows.length; i++) {
      for (int j = 0; j < d; j++) {
        columns[j][i] = rows[i][j];
      }
    }
    return columns;
  }

  double kernel(double[] x, double[] c) {
    return Math.exp(-KernelHyperParameters.squaredDistance(x, c) * inverseTwoSigmaSquared);
  }

  /** k_M(x): the M kernel values of one standardised event. */
  void kernelRow(double[] x, double[] out) {
    int m = centres.length;
    // |x − c_m|² for all m at once, coordinate after coordinate: each sum in the order of
    // squaredDistance (so the same doubles), in loops over the centres that the JIT vectorises.
    java.util.Arrays.fill(out, 0, m, 0);
    for (int j = 0; j < x.length; j++) {
      double xj = x[j];
      double[] cj = centreCoordinates[j];
      for (int c = 0; c < m; c++) {
        double dx = xj - cj[c];
        out[c] += dx * dx;
      }
    }
    for (int c = 0; c < m; c++) {
      out[c] = Math.exp(-out[c] * inverseTwoSigmaSquared);
    }
  }

  /** φ(x) written into {@code out} at {@code offset}, using {@code k} (length M) as scratch. */
  void feature(double[] x, double[] k, double[] out, int offset) {
    kernelRow(x, k);
    java.util.Arrays.fill(out, offset, offset + rank, 0);
    for (int m = 0; m < k.length; m++) {
      double km = k[m];
      int base = m * rank;
      for (int j = 0; j < rank; j++) {
        out[offset + j] += km * transform[base + j];
      }
    }
  }

  /** φ of every standardised row, as an N × r row-major array (computed in parallel). */
  double[] features(double[][] rows) {
    double[] out = new double[rows.length * rank];
    int chunk = 1024;
    IntStream.range(0, (rows.length + chunk - 1) / chunk)
        .parallel()
        .forEach(
            c -> {
              double[] k = new double[centres.length];
              for (int i = c * chunk; i < Math.min(rows.length, (c + 1) * chunk); i++) {
                feature(rows[i], k, out, i * rank);
              }
            });
    return out;
  }

  /**
   * Σ_i φ(x_i) over standardised rows: all the fit needs from a data window, since the data term of
   * the loss is linear in f. Costs N·M kernel evaluations, then one M × r product. When {@code
   * kernelCache} is not null it also keeps every row's kernel values k_M(x_i) there (N × M,
   * row-major, as floats), so that f can later be evaluated on the same rows ({@link
   * #evaluate(float[], int, double[])}) without recomputing them. The sum itself is accumulated in
   * double precision from the unrounded values.
   */
  double[] featureSum(double[][] rows, float[] kernelCache) {
    int chunk = 1024;
    int m = centres.length;
    double[] kernelSum =
        IntStream.range(0, (rows.length + chunk - 1) / chunk)
            .parallel()
            .mapToObj(
                c -> {
                  double[] k = new double[m];
                  double[] sum = new double[m];
                  for (int i = c * chunk; i < Math.min(rows.length, (c + 1) * chunk); i++) {
                    kernelRow(rows[i], k);
                    for (int j = 0; j < m; j++) {
                      sum[j] += k[j];
                    }
                    if (kernelCache != null) {
                      for (int j = 0; j < m; j++) {
                        kernelCache[i * m + j] = (float) k[j];
                      }
                    }
                  }
                  return sum;
                })
            .reduce(new double[m], NystromBasis::add);
    double[] out = new double[rank];
    for (int j = 0; j < kernelSum.length; j++) {
      double km = kernelSum[j];
      for (int r = 0; r < rank; r++) {
        out[r] += km * transform[j * rank + r];
      }
    }
    return out;
  }

  /**
   * f(x_i) = Σ_m α_m k(x_i, c_m) from kernel values kept by {@link #featureSum(double[][],
   * float[])}.
   */
  double[] evaluate(float[] kernelCache, int rows, double[] alpha) {
    int m = centres.length;
    double[] f = new double[rows];
    for (int i = 0; i < rows; i++) {
      double s = 0;
      int base = i * m;
      for (int j = 0; j < m; j++) {
        s += alpha[j] * kernelCache[base + j];
      }
      f[i] = s;
    }
    return f;
  }

  /** f(x) = Σ_m α_m k(x, c_m) on every standardised row (in parallel). */
  double[] evaluate(double[][] rows, double[] alpha) {
    double[] f = new double[rows.length];
    int chunk = 1024;
    IntStream.range(0, (rows.length + chunk - 1) / chunk)
        .parallel()
        .forEach(
            c -> {
              double[] k = new double[centres.length];
              for (int i = c * chunk; i < Math.min(rows.length, (c + 1) * chunk); i++) {
                kernelRow(rows[i], k);
                double s = 0;
                for (int m = 0; m < k.length; m++) {
                  s += alpha[m] * k[m];
                }
                f[i] = s;
              }
            });
    return f;
  }

  /** The kernel coefficients α = U Λ^{−1/2} β of a fitted β. */
  double[] alpha(double[] beta) {
    double[] alpha = new double[centres.length];
    for (int m = 0; m < centres.length; m++) {
      double s = 0;
      for (int j = 0; j < rank; j++) {
        s += transform[m * rank + j] * beta[j];
      }
      alpha[m] = s;
    }
    return alpha;
  }

  private static double[] add(double[] a, double[] b) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] + b[i];
    }
    return out;
  }
}
