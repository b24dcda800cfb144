package io.trigmon.flink.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OrderStatisticsTest {

  /** Values with many ties, signed zeros and a long tail, as a window's scores can have. */
  private static double[] values(SplittableRandom random, int n) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] =
          switch (random.nextInt(5)) {
            case 0 -> random.nextInt(4); // ties
            case 1 -> random.nextBoolean() ? 0.0 : -0.0;
            case 2 -> Math.exp(5 * random.nextGaussian());
            default -> random.nextGaussian();
          };
    }
    return a;
  }

  @Test
  void placesEveryAskedRankAsASortWould() {
    SplittableRandom random = new SplittableRandom(81);
    for (int trial = 0; trial < 400; trial++) {
      int n = 1 + random.nextInt(trial < 200 ? 60 : 5_000);
      double[] a = values(random, n);
      double[] sorted = a.clone();
      Arrays.sort(sorted);
      int[] ranks = new int[1 + random.nextInt(6)];
      for (int i = 0; i < ranks.length; i++) {
        ranks[i] = random.nextInt(n);
      }
      Arrays.sort(ranks);
      double[] selected = a.clone();
      OrderStatistics.select(selected, ranks);
      for (int r : ranks) {
        assertThat(Double.doubleToRawLongBits(selected[r]))
            .as("trial %d, n %d, rank %d", trial, n, r)
            .isEqualTo(Double.doubleToRawLongBits(sorted[r]));
      }
      double[] permuted = selected.clone();
      Arrays.sort(permuted);
      assertThat(permuted).as("a permutation of the input").isEqualTo(sorted);
    }
  }

  @Test
  void refusesRanksOutOfOrderOrRange() {
    assertThatThrownBy(() -> OrderStatistics.select(new double[3], new int[] {2, 1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OrderStatistics.select(new double[3], new int[] {3}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** The window test's quantiles are those of the full sort, bit for bit. */
  @Test
  void aeQuantilesEqualThoseOfASortedWindow() {
    SplittableRandom random = new SplittableRandom(82);
    for (int trial = 0; trial < 200; trial++) {
      int n = random.nextInt(trial < 100 ? 20 : 20_000);
      float[] scores = new float[n];
      for (int i = 0; i < n; i++) {
        scores[i] =
            random.nextInt(50) == 0 ? Float.NaN : (float) Math.exp(random.nextGaussian() - 3);
      }
      assertThat(NplmWindowTest.aeQuantiles(scores))
          .as("trial %d, %d scores", trial, n)
          .isEqualTo(sortedQuantiles(scores));
    }
  }

  /** The definition: type-7 quantiles of the sorted finite scores. */
  private static Map<String, Double> sortedQuantiles(float[] aeScores) {
    double[] scores = new double[aeScores.length];
    int n = 0;
    for (float score : aeScores) {
      if (Float.isFinite(score)) {
        scores[n++] = score;
      }
    }
    scores = Arrays.copyOf(scores, n);
    Arrays.sort(scores);
    Map<String, Double> quantiles = new LinkedHashMap<>();
    for (double q : n == 0 ? new double[0] : NplmWindowTest.AE_QUANTILES) {
      double h = (n - 1) * q;
      int lo = (int) Math.floor(h);
      int hi = Math.min(lo + 1, n - 1);
      quantiles.put("q" + Math.round(q * 100), scores[lo] + (h - lo) * (scores[hi] - scores[lo]));
    }
    return quantiles;
  }
}
