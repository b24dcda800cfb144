package io.trigmon.autoencoder;

import static io.trigmon.event.AutoencoderFeatures.DIMENSION;
import static io.trigmon.event.AutoencoderFeatures.PER_SLOT;
import static io.trigmon.event.AutoencoderFeatures.SLOTS;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-feature standardisation of the 57 autoencoder inputs, fitted on the training events' real
 * objects only (padding would pull every mean towards zero).
 *
 * <ul>
 *   <li>pT: {@code (log(1 + pT/GeV) − μ) / σ} — spectra fall like power laws, so the logarithm
 *       keeps a 1 TeV jet from dominating the squared error;
 *   <li>η: {@code (η − μ) / σ};
 *   <li>φ: left as it is (uniform in [−π, π], already of unit order, with no scale to learn).
 * </ul>
 *
 * Padded slots are 0 after standardisation; the score's mask leaves them out anyway. A feature
 * without spread in the training data (MET η, slots never filled) keeps σ = 1.
 */
public final class Normaliser {

  private static final double MIN_SCALE = 1e-6;

  private final float[] mean;
  private final float[] scale;

  public Normaliser(float[] mean, float[] scale) {
    if (mean.length != DIMENSION || scale.length != DIMENSION) {
      throw new IllegalArgumentException("a normaliser has " + DIMENSION + " means and scales");
    }
    for (float s : scale) {
      if (!(s > 0) || !Float.isFinite(s)) {
        throw new IllegalArgumentException("normaliser scales must be positive and finite");
      }
    }
    this.mean = mean.clone();
    this.scale = scale.clone();
  }

  /** The identity on (log pT, η, φ): for tests and untrained networks. */
  public static Normaliser identity() {
    float[] ones = new float[DIMENSION];
    Arrays.fill(ones, 1f);
    return new Normaliser(new float[DIMENSION], ones);
  }

  /**
   * Fits means and scales on {@code n} events given as raw features (57 per event) and masks (19
   * per event), flat arrays event after event.
   */
  public static Normaliser fit(float[] raw, float[] mask, int n) {
    double[] sum = new double[DIMENSION];
    double[] sumSq = new double[DIMENSION];
    long[] count = new long[SLOTS];
    for (int e = 0; e < n; e++) {
      for (int slot = 0; slot < SLOTS; slot++) {
        if (mask[e * SLOTS + slot] == 0f) {
          continue;
        }
        count[slot]++;
        for (int k = 0; k < PER_SLOT; k++) {
          int f = slot * PER_SLOT + k;
          double v = transformed(f, raw[e * DIMENSION + f]);
          sum[f] += v;
          sumSq[f] += v * v;
        }
      }
    }
    float[] mean = new float[DIMENSION];
    float[] scale = new float[DIMENSION];
    for (int f = 0; f < DIMENSION; f++) {
      long c = count[f / PER_SLOT];
      boolean standardised = f % PER_SLOT != 2 && c > 1;
      double m = standardised ? sum[f] / c : 0;
      double var = standardised ? Math.max(0, sumSq[f] / c - m * m) : 1;
      double s = Math.sqrt(var);
      mean[f] = (float) m;
      scale[f] = (float) (s < MIN_SCALE ? 1 : s);
    }
    return new Normaliser(mean, scale);
  }

  /**
   * Standardises one event's raw features in place, from {@code offset}; padded slots (mask 0 at
   * {@code maskOffset + slot}) become 0.
   */
  public void apply(float[] x, int offset, float[] mask, int maskOffset) {
    for (int slot = 0; slot < SLOTS; slot++) {
      boolean present = mask[maskOffset + slot] != 0f;
      for (int k = 0; k < PER_SLOT; k++) {
        int f = slot * PER_SLOT + k;
        int at = offset + f;
        x[at] = present ? (float) ((transformed(f, x[at]) - mean[f]) / scale[f]) : 0f;
      }
    }
  }

  /** Undoes {@link #apply} for the real objects (padded slots come back as 0). */
  public void invert(float[] x, int offset, float[] mask, int maskOffset) {
    for (int slot = 0; slot < SLOTS; slot++) {
      boolean present = mask[maskOffset + slot] != 0f;
      for (int k = 0; k < PER_SLOT; k++) {
        int f = slot * PER_SLOT + k;
        int at = offset + f;
        double v = (double) x[at] * scale[f] + mean[f];
        x[at] = present ? (float) (k == 0 ? Math.expm1(v) : v) : 0f;
      }
    }
  }

  public float[] mean() {
    return mean.clone();
  }

  public float[] scale() {
    return scale.clone();
  }

  /** The manifest form: {@code {"pt": "log1p", "phi": "raw", "mean": [...], "scale": [...]}}. */
  public Map<String, Object> toParameters() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("pt", "log1p");
    out.put("phi", "raw");
    out.put("mean", toList(mean));
    out.put("scale", toList(scale));
    return out;
  }

  /** Reads the manifest form written by {@link #toParameters()}. */
  public static Normaliser fromParameters(Object parameters) {
    if (!(parameters instanceof Map<?, ?> map)
        || !"log1p".equals(map.get("pt"))
        || !"raw".equals(map.get("phi"))) {
      throw new IllegalArgumentException("not a normaliser: " + parameters);
    }
    return new Normaliser(toFloats(map.get("mean")), toFloats(map.get("scale")));
  }

  private static double transformed(int feature, float raw) {
    return feature % PER_SLOT == 0 ? Math.log1p(Math.max(0f, raw)) : raw;
  }

  private static List<Double> toList(float[] values) {
    List<Double> out = new ArrayList<>(values.length);
    for (float v : values) {
      out.add((double) v);
    }
    return out;
  }

  private static float[] toFloats(Object list) {
    if (!(list instanceof List<?> values)) {
      throw new IllegalArgumentException("expected a list of numbers, got " + list);
    }
    float[] out = new float[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ((Number) values.get(i)).floatValue();
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Normaliser other
        && Arrays.equals(mean, other.mean)
        && Arrays.equals(scale, other.scale);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(mean) + Arrays.hashCode(scale);
  }
}
