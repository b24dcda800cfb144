package io.trigmon.autoencoder;

import static io.trigmon.event.AutoencoderFeatures.DIMENSION;
import static io.trigmon.event.AutoencoderFeatures.SLOTS;

import java.util.List;

/**
 * The autoencoder's forward pass and score in plain Java, from the same {@link DenseNetwork} that
 * DJL trained: no native call per event, so a stream can score event by event (DJL costs ~17 µs per
 * call whatever the batch, DESIGN §8).
 *
 * <p>Two loop orders, both written so that HotSpot's C2 vectorises the innermost loop:
 *
 * <ul>
 *   <li>one event: h_j += x_i · Wᵀ_ij over outputs j (an axpy per input, with inputs that are 0 —
 *       most ReLU outputs and every padded slot — skipped);
 *   <li>a batch: activations kept feature-major in tiles of {@value #TILE} events, so the inner
 *       loop runs over events: h[j][e] += W_ji · a[i][e].
 * </ul>
 *
 * <p>An instance holds scratch buffers and is not thread-safe: use one per thread ({@link #copy()}
 * shares the weights). Inputs are standardised features (see {@link Normaliser}), {@link
 * Architecture#inputs()} numbers per event (57, plus ν for a parametrised network), and the 19-slot
 * object mask.
 */
public final class FastAutoencoder {

  /** Events per tile of the batched pass: 64 × 57 floats stay well inside L1. */
  public static final int TILE = 64;

  private final int depth;
  private final int[] sizes;
  private final float[][] weight; // row-major (out × in), for the batched pass
  private final float[][] weightT; // row-major (in × out), for the single-event pass
  private final float[][] bias;
  private final float[][] single; // activations of one event, per layer
  private final float[][] tile; // activations of a tile, feature-major, per layer

  public FastAutoencoder(DenseNetwork network) {
    List<DenseLayer> layers = network.layers();
    depth = layers.size();
    sizes = new int[depth + 1];
    weight = new float[depth][];
    weightT = new float[depth][];
    bias = new float[depth][];
    sizes[0] = layers.get(0).inputs();
    for (int l = 0; l < depth; l++) {
      DenseLayer layer = layers.get(l);
      sizes[l + 1] = layer.outputs();
      weight[l] = layer.weight();
      weightT[l] = transpose(weight[l], layer.outputs(), layer.inputs());
      bias[l] = layer.bias();
    }
    if (sizes[depth] != DIMENSION) {
      throw new IllegalArgumentException("the network must reconstruct " + DIMENSION + " features");
    }
    single = new float[depth + 1][];
    tile = new float[depth + 1][];
    for (int l = 0; l <= depth; l++) {
      single[l] = new float[sizes[l]];
      tile[l] = new float[sizes[l] * TILE];
    }
  }

  private FastAutoencoder(FastAutoencoder other) {
    depth = other.depth;
    sizes = other.sizes;
    weight = other.weight;
    weightT = other.weightT;
    bias = other.bias;
    single = new float[depth + 1][];
    tile = new float[depth + 1][];
    for (int l = 0; l <= depth; l++) {
      single[l] = new float[sizes[l]];
      tile[l] = new float[sizes[l] * TILE];
    }
  }

  /** Another scorer over the same weights, with its own scratch buffers (for another thread). */
  public FastAutoencoder copy() {
    return new FastAutoencoder(this);
  }

  /** Numbers per event in the input rows: 57, plus ν for a parametrised network. */
  public int inputs() {
    return sizes[0];
  }

  /**
   * The score of one event: {@code x} holds {@link #inputs()} standardised inputs from {@code
   * xOffset}, {@code mask} the 19 slot flags from {@code maskOffset}.
   */
  public float score(float[] x, int xOffset, float[] mask, int maskOffset) {
    System.arraycopy(x, xOffset, single[0], 0, sizes[0]);
    for (int l = 0; l < depth; l++) {
      denseOne(l, single[l], single[l + 1], l < depth - 1);
    }
    return ReconstructionError.of(x, xOffset, single[depth], 0, mask, maskOffset);
  }

  /** Writes the reconstruction of one event (57 numbers) into {@code out}. */
  public void reconstruct(float[] x, int xOffset, float[] out) {
    System.arraycopy(x, xOffset, single[0], 0, sizes[0]);
    for (int l = 0; l < depth; l++) {
      denseOne(l, single[l], single[l + 1], l < depth - 1);
    }
    System.arraycopy(single[depth], 0, out, 0, DIMENSION);
  }

  /**
   * Scores {@code n} events: inputs in rows of {@link #inputs()} numbers, masks in rows of 19,
   * scores into {@code scores[0..n)}.
   */
  public void score(float[] x, float[] mask, int n, float[] scores) {
    int in = sizes[0];
    for (int start = 0; start < n; start += TILE) {
      int t = Math.min(TILE, n - start);
      float[] a0 = tile[0];
      for (int e = 0; e < t; e++) {
        int row = (start + e) * in;
        for (int i = 0; i < in; i++) {
          a0[i * TILE + e] = x[row + i];
        }
      }
      for (int l = 0; l < depth; l++) {
        denseTile(l, tile[l], tile[l + 1], t, l < depth - 1);
      }
      tileErrors(mask, start, t, scores);
    }
  }

  private void denseOne(int l, float[] a, float[] h, boolean relu) {
    int in = sizes[l];
    int out = sizes[l + 1];
    float[] wt = weightT[l];
    System.arraycopy(bias[l], 0, h, 0, out);
    for (int i = 0; i < in; i++) {
      float ai = a[i];
      if (ai == 0f) {
        continue;
      }
      int row = i * out;
      for (int j = 0; j < out; j++) {
        h[j] += ai * wt[row + j];
      }
    }
    if (relu) {
      for (int j = 0; j < out; j++) {
        h[j] = Math.max(h[j], 0f);
      }
    }
  }

  private void denseTile(int l, float[] a, float[] h, int t, boolean relu) {
    int in = sizes[l];
    int out = sizes[l + 1];
    float[] w = weight[l];
    float[] b = bias[l];
    for (int j = 0; j < out; j++) {
      int hj = j * TILE;
      float bj = b[j];
      for (int e = 0; e < t; e++) {
        h[hj + e] = bj;
      }
      for (int i = 0; i < in; i++) {
        float wji = w[j * in + i];
        int ai = i * TILE;
        for (int e = 0; e < t; e++) {
          h[hj + e] += wji * a[ai + e];
        }
      }
      if (relu) {
        for (int e = 0; e < t; e++) {
          h[hj + e] = Math.max(h[hj + e], 0f);
        }
      }
    }
  }

  private void tileErrors(float[] mask, int start, int t, float[] scores) {
    float[] r = tile[depth];
    float[] a0 = tile[0];
    for (int e = 0; e < t; e++) {
      int m = (start + e) * SLOTS;
      float sum = 0f;
      int present = 0;
      for (int slot = 0; slot < SLOTS; slot++) {
        if (mask[m + slot] == 0f) {
          continue;
        }
        present++;
        for (int k = 0; k < 3; k++) {
          int f = (slot * 3 + k) * TILE + e;
          float d = r[f] - a0[f];
          sum += d * d;
        }
      }
      scores[start + e] = present == 0 ? 0f : sum / (3 * present);
    }
  }

  private static float[] transpose(float[] w, int rows, int cols) {
    float[] t = new float[w.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        t[c * rows + r] = w[r * cols + c];
      }
    }
    return t;
  }
}
