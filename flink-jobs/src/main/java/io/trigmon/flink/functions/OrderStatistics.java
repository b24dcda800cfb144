package io.trigmon.flink.functions;

/**
 * Puts chosen order statistics of an array in place: afterwards {@code a[r]} holds, for each asked
 * rank r, the value a full {@code Arrays.sort(a)} would put there (same order, −0.0 before 0.0; no
 * NaN), the rest of the array partly ordered. A quickselect that partitions only the parts holding
 * asked ranks: O(n) on average against the sort's O(n log n).
 *
 * <p>Why: the window test reports three quantiles of a window's autoencoder scores (50,000 of them
 * in the pipeline benchmark); sorting them all took ~3 % of the monitor's CPU (issue 8 profile).
 */
final class OrderStatistics {

  /** Parts this short are finished by insertion sort. */
  private static final int SHORT = 24;

  private OrderStatistics() {}

  /**
   * @param a values without NaN, reordered in place
   * @param ranks ranks in [0, a.length), ascending (repeats allowed)
   */
  static void select(double[] a, int[] ranks) {
    for (int i = 0; i < ranks.length; i++) {
      if (ranks[i] < 0 || ranks[i] >= a.length || (i > 0 && ranks[i] < ranks[i - 1])) {
        throw new IllegalArgumentException("ranks must be ascending and in [0, " + a.length + ")");
      }
    }
    select(a, 0, a.length, ranks, 0, ranks.length);
  }

  /** Places ranks[rFrom..rTo), all in [from, to). */
  private static void select(double[] a, int from, int to, int[] ranks, int rFrom, int rTo) {
    while (rFrom < rTo) {
      if (to - from <= SHORT) {
        insertionSort(a, from, to);
        return;
      }
      double pivot = medianOfThree(a[from], a[(from + to) >>> 1], a[to - 1]);
      // Three-way partition: [from, lt) < pivot, [lt, gt) the pivot's value, [gt, to) > pivot.
      int lt = from;
      int gt = to;
      int i = from;
      while (i < gt) {
        double x = a[i];
        if (less(x, pivot)) {
          swap(a, lt++, i++);
        } else if (less(pivot, x)) {
          swap(a, i, --gt);
        } else {
          i++;
        }
      }
      int left = rFrom;
      while (left < rTo && ranks[left] < lt) {
        left++;
      }
      int right = left;
      while (right < rTo && ranks[right] < gt) {
        right++; // ranks in the middle part are in place: all of it is the pivot's value
      }
      select(a, from, lt, ranks, rFrom, left);
      from = gt;
      rFrom = right;
    }
  }

  /** The order of {@code Double.compare} for values that are not NaN. */
  private static boolean less(double x, double y) {
    return x < y || (x == y && Double.doubleToRawLongBits(x) < Double.doubleToRawLongBits(y));
  }

  private static double medianOfThree(double x, double y, double z) {
    if (less(y, x)) {
      double t = x;
      x = y;
      y = t;
    }
    if (less(z, y)) {
      y = less(z, x) ? x : z;
    }
    return y;
  }

  private static void insertionSort(double[] a, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      double x = a[i];
      int j = i - 1;
      while (j >= from && less(x, a[j])) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = x;
    }
  }

  private static void swap(double[] a, int i, int j) {
    double t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
