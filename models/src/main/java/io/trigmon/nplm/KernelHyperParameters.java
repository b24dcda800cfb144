package io.trigmon.nplm;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Hyper-parameters of the kernel NPLM (Letizia et al., EPJC 82 (2022) 879): the Gaussian kernel
 * width σ on standardised inputs, the number M of Nyström centres, the penalty λ and the seed that
 * draws the centres. They are recorded with the reference model, because the null distribution of t
 * (its χ² degrees of freedom) depends on them.
 *
 * <p>The penalty enters the loss as λ·N(R0)·αᵀK_MM α: scaling by the expected count N(R0) makes λ
 * dimensionless, comparable with the per-event normalised λ of the published (Falkon) version.
 *
 * @param sigma kernel width in standardised units, k(x, c) = exp(−|x − c|²/(2σ²))
 * @param centres number M of Nyström centres
 * @param lambda L2 penalty (relative to N(R0))
 * @param seed seed of the centre draw
 */
public record KernelHyperParameters(double sigma, int centres, double lambda, long seed) {

  /** Default percentile of the pairwise-distance distribution that sets σ. */
  public static final double DEFAULT_PERCENTILE = 90;

  /** Default penalty, as in the published kernel NPLM. */
  public static final double DEFAULT_LAMBDA = 1e-6;

  public KernelHyperParameters {
    if (!(sigma > 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException("kernel width sigma must be positive, got " + sigma);
    }
    if (centres < 1) {
      throw new IllegalArgumentException("need at least one centre, got " + centres);
    }
    if (!(lambda >= 0)) {
      throw new IllegalArgumentException("penalty lambda must be >= 0, got " + lambda);
    }
  }

  /**
   * The published protocol: σ = the {@code percentile}-th percentile of the pairwise distances of
   * the standardised reference (estimated on at most 2000 events), M = ⌈√N_R⌉ (M ≳ √N) unless
   * {@code centres} > 0, λ as given.
   */
  public static KernelHyperParameters byProtocol(
      double[][] standardisedReference, int centres, double lambda, double percentile, long seed) {
    int m = centres > 0 ? centres : (int) Math.ceil(Math.sqrt(standardisedReference.length));
    m = Math.min(m, standardisedReference.length);
    return new KernelHyperParameters(
        pairwiseDistancePercentile(standardisedReference, percentile, seed), m, lambda, seed);
  }

  /** A percentile of the distances between pairs of (at most 2000 randomly chosen) rows. */
  static double pairwiseDistancePercentile(double[][] rows, double percentile, long seed) {
    int n = Math.min(rows.length, 2000);
    int[] pick = new SplittableRandom(seed ^ 0x5DEECE66DL).ints(0, rows.length).limit(n).toArray();
    if (rows.length <= 2000) {
      pick = java.util.stream.IntStream.range(0, rows.length).toArray();
    }
    double[] d = new double[n * (n - 1) / 2];
    int k = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        d[k++] = Math.sqrt(squaredDistance(rows[pick[i]], rows[pick[j]]));
      }
    }
    Arrays.sort(d);
    int index = (int) Math.min(d.length - 1, Math.max(0, Math.round(percentile / 100 * d.length)));
    return d[index];
  }

  static double squaredDistance(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      double dx = a[j] - b[j];
      s += dx * dx;
    }
    return s;
  }
}
