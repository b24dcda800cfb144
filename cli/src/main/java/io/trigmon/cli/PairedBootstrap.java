package io.trigmon.cli;

import io.trigmon.calibration.Calibration;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Bootstrap interval of the median ΔZ = Z(A) − Z(B) of two tests run on the same windows, each
 * calibrated on its own null toys. Pairing removes the windows' common fluctuations but not the
 * calibrations' own: a method's finite null sample moves all of its Z together. Each replica
 * therefore resamples the paired windows AND both null samples, refits both calibrations and takes
 * the median ΔZ; the spread of the replicas is the uncertainty of the comparison with both parts in
 * it (a percentile bootstrap).
 *
 * @param median median ΔZ of the data as measured
 * @param low95 2.5 % quantile of the replicas' medians
 * @param high95 97.5 % quantile
 * @param atLeastZero fraction of replicas whose median ΔZ is ≥ 0 (A at least as good as B)
 * @param replicas number of replicas
 */
record PairedBootstrap(
    double median, double low95, double high95, double atLeastZero, int replicas) {

  /** Replicas the power report uses (each refits two χ² calibrations). */
  static final int REPORT_REPLICAS = 300;

  /**
   * The bootstrap of median(Z_A − Z_B) over windows i where {@code signalA[i]} and {@code
   * signalB[i]} are the two methods' t of window i ({@code signalB.length} windows; {@code signalA}
   * may be longer).
   */
  static PairedBootstrap of(
      double[] nullA, double[] nullB, double[] signalA, double[] signalB, int replicas, long seed) {
    int n = signalB.length;
    double measured = medianDifference(nullA, nullB, signalA, signalB, identity(n));
    SplittableRandom random = new SplittableRandom(seed);
    double[] medians = new double[replicas];
    for (int r = 0; r < replicas; r++) {
      medians[r] =
          medianDifference(
              resample(nullA, random), resample(nullB, random), signalA, signalB, draw(n, random));
    }
    Arrays.sort(medians);
    long atLeast = Arrays.stream(medians).filter(m -> m >= 0).count();
    return new PairedBootstrap(
        measured,
        quantile(medians, 0.025),
        quantile(medians, 0.975),
        atLeast / (double) replicas,
        replicas);
  }

  private static double medianDifference(
      double[] nullA, double[] nullB, double[] signalA, double[] signalB, int[] windows) {
    Calibration a = Calibration.of(Map.of(0.0, nullA));
    Calibration b = Calibration.of(Map.of(0.0, nullB));
    double[] dz = new double[windows.length];
    for (int i = 0; i < windows.length; i++) {
      dz[i] = a.z(signalA[windows[i]]) - b.z(signalB[windows[i]]);
    }
    return NplmStudy.median(dz);
  }

  private static double[] resample(double[] values, SplittableRandom random) {
    double[] out = new double[values.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = values[random.nextInt(values.length)];
    }
    return out;
  }

  private static int[] draw(int n, SplittableRandom random) {
    return random.ints(n, 0, n).toArray();
  }

  private static int[] identity(int n) {
    return java.util.stream.IntStream.range(0, n).toArray();
  }

  /** The q-quantile of sorted values (nearest rank). */
  private static double quantile(double[] sorted, double q) {
    int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
    return sorted[index];
  }
}
