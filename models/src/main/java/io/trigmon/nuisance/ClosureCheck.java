package io.trigmon.nuisance;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The closure test of a learned δ̂ (DESIGN §4): the nominal sample reweighted by r̂(x;ν) must match
 * an independent sample of R_ν, both in a binned projection with absolute normalisation (shape and
 * rate) and for a classifier, whose AUC must be 0.5 within its statistical error. The same numbers
 * without reweighting show how large the effect being closed was.
 */
public final class ClosureCheck {

  private final Projection projection;
  private final int bins;
  private final long seed;

  public ClosureCheck(Projection projection, int bins, long seed) {
    this.projection = projection;
    this.bins = bins;
    this.seed = seed;
  }

  /**
   * @param nominal raw rows of R0, independent of the training sample
   * @param varied an independent sample of R_ν
   * @param model the learned model
   */
  public Closure run(double[][] nominal, VariedSample varied, NuisanceModel model) {
    double[] ratio = model.logRatio(nominal, varied.nuisance(), varied.nu());
    for (int e = 0; e < ratio.length; e++) {
      ratio[e] = Math.exp(ratio[e]);
    }
    double[] ones0 = new double[nominal.length];
    Arrays.fill(ones0, 1);
    double chi2 = binnedChi2(nominal, ratio, varied.features(), varied.yieldRatio());
    double chi2Unweighted = binnedChi2(nominal, ones0, varied.features(), 1);
    double[] auc = auc(nominal, ratio, varied.features());
    double[] aucUnweighted = auc(nominal, ones0, varied.features());
    return new Closure(
        varied.nuisance(),
        varied.nu(),
        projection.name(),
        chi2,
        bins,
        auc[0],
        auc[1],
        aucUnweighted[0],
        chi2Unweighted);
  }

  /**
   * χ² of the varied counts per bin against (N1/Y)·(1/N0)·Σ_bin r̂: Poisson variance of the
   * prediction plus the variance of the weighted nominal sum.
   */
  private double binnedChi2(
      double[][] nominal, double[] weight, double[][] varied, double yieldRatio) {
    double[] x0 = projection.apply(nominal);
    Binning binning = Binning.quantiles(x0, bins);
    double[] w2 = new double[weight.length];
    for (int i = 0; i < w2.length; i++) {
      w2[i] = weight[i] * weight[i];
    }
    double[] sum = binning.histogram(x0, weight);
    double[] sum2 = binning.histogram(x0, w2);
    double[] n1 = binning.histogram(projection.apply(varied), null);
    double scale = varied.length / yieldRatio / nominal.length;
    double chi2 = 0;
    for (int b = 0; b < bins; b++) {
      double predicted = scale * sum[b];
      double variance = predicted + scale * scale * sum2[b];
      chi2 += (n1[b] - predicted) * (n1[b] - predicted) / variance;
    }
    return chi2;
  }

  /** Weighted AUC on held-out halves and its standard error under indistinguishability. */
  private double[] auc(double[][] nominal, double[] weight, double[][] varied) {
    int[] p0 = permutation(nominal.length, seed);
    int[] p1 = permutation(varied.length, seed + 1);
    int h0 = nominal.length / 2;
    int h1 = varied.length / 2;
    double[][] train0 = rows(nominal, p0, 0, h0);
    double[][] test0 = rows(nominal, p0, h0, nominal.length);
    double[][] train1 = rows(varied, p1, 0, h1);
    double[][] test1 = rows(varied, p1, h1, varied.length);
    double[] trainW0 = values(weight, p0, 0, h0);
    double[] testW0 = values(weight, p0, h0, nominal.length);
    double[] trainW1 = new double[train1.length];
    double[] testW1 = new double[test1.length];
    Arrays.fill(trainW1, 1);
    Arrays.fill(testW1, 1);
    QuadraticClassifier classifier = QuadraticClassifier.fit(train0, trainW0, train1, trainW1);
    double auc = weightedAuc(classifier.score(test0), testW0, classifier.score(test1), testW1);
    double n0 = effectiveSize(testW0);
    double n1 = test1.length;
    return new double[] {auc, Math.sqrt((n0 + n1 + 1) / (12 * n0 * n1))};
  }

  /** P(score of a varied event > score of a nominal event), with weights and ties counted half. */
  static double weightedAuc(double[] s0, double[] w0, double[] s1, double[] w1) {
    int n = s0.length + s1.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    double[] scores = new double[n];
    System.arraycopy(s0, 0, scores, 0, s0.length);
    System.arraycopy(s1, 0, scores, s0.length, s1.length);
    Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
    double below0 = 0;
    double total0 = QuadraticClassifier.sum(w0);
    double total1 = QuadraticClassifier.sum(w1);
    double area = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      double tie0 = 0;
      double tie1 = 0;
      while (j < n && scores[order[j]] == scores[order[i]]) {
        int k = order[j];
        if (k < s0.length) {
          tie0 += w0[k];
        } else {
          tie1 += w1[k - s0.length];
        }
        j++;
      }
      area += tie1 * (below0 + tie0 / 2);
      below0 += tie0;
      i = j;
    }
    return area / (total0 * total1);
  }

  private static double effectiveSize(double[] w) {
    double s = 0;
    double s2 = 0;
    for (double v : w) {
      s += v;
      s2 += v * v;
    }
    return s * s / s2;
  }

  private static int[] permutation(int n, long seed) {
    int[] p = new int[n];
    Arrays.setAll(p, i -> i);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  private static double[][] rows(double[][] x, int[] order, int from, int to) {
    double[][] out = new double[to - from][];
    for (int i = from; i < to; i++) {
      out[i - from] = x[order[i]];
    }
    return out;
  }

  private static double[] values(double[] x, int[] order, int from, int to) {
    double[] out = new double[to - from];
    for (int i = from; i < to; i++) {
      out[i - from] = x[order[i]];
    }
    return out;
  }
}
