package io.trigmon.autoencoder;

import java.util.Arrays;

/**
 * Receiver-operating figures of an anomaly score in the challenge's convention (arXiv:2107.02157):
 * a threshold on the score selects the events above it; FPR is the fraction of SM (background)
 * events selected, TPR the fraction of signal events selected. The working points are FPR = 10⁻⁵
 * and 10⁻³; a working point finer than 1/N_background is not resolved and is reported at 1/N.
 */
public final class Roc {

  private Roc() {}

  /** Area under the ROC curve: P(s_signal > s_background) + ½ P(equal) (Mann–Whitney). */
  public static double auc(float[] background, float[] signal) {
    float[] b = sorted(background);
    double sum = 0;
    for (float s : signal) {
      int below = lowerBound(b, s);
      int notAbove = upperBound(b, s);
      sum += below + 0.5 * (notAbove - below);
    }
    return sum / ((double) b.length * signal.length);
  }

  /**
   * The score threshold whose FPR is {@code fpr}: the (1 − fpr) quantile of the background scores,
   * so that ⌊fpr·N⌋ background events (at least one) lie strictly above it.
   */
  public static float threshold(float[] background, double fpr) {
    float[] b = sorted(background);
    int above = Math.max(1, (int) Math.floor(fpr * b.length));
    return b[b.length - above - 1 < 0 ? 0 : b.length - above - 1];
  }

  /** Fraction of {@code scores} strictly above {@code threshold}. */
  public static double efficiency(float[] scores, float threshold) {
    int count = 0;
    for (float s : scores) {
      if (s > threshold) {
        count++;
      }
    }
    return (double) count / scores.length;
  }

  /** TPR at the threshold of the given FPR. */
  public static double tprAtFpr(float[] background, float[] signal, double fpr) {
    return efficiency(signal, threshold(background, fpr));
  }

  /** The smallest FPR the background sample resolves, 1/N. */
  public static double resolvableFpr(float[] background) {
    return 1.0 / background.length;
  }

  /**
   * The ROC curve at {@code points} FPR values spaced logarithmically from 1/N to 1: rows of (FPR,
   * TPR).
   */
  public static double[][] curve(float[] background, float[] signal, int points) {
    double minFpr = resolvableFpr(background);
    double[][] out = new double[points][2];
    for (int i = 0; i < points; i++) {
      double fpr = minFpr * Math.pow(1 / minFpr, (double) i / (points - 1));
      float t = threshold(background, fpr);
      out[i][0] = efficiency(background, t);
      out[i][1] = efficiency(signal, t);
    }
    return out;
  }

  private static float[] sorted(float[] values) {
    float[] copy = values.clone();
    Arrays.sort(copy);
    return copy;
  }

  private static int lowerBound(float[] sorted, float value) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static int upperBound(float[] sorted, float value) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
