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

  /** Events per tile of the batched pass: 57 rows of 64 floats stay well inside L1. */
  public static final int TILE = 64;

  private final int depth;
  private final int[] sizes;
  private final float[][] weight; // per layer, row-major (out × in)
  private final float[][][] columns; // per layer and input i, the column W[·][i] (= row i of Wᵀ)
  private final float[][] bias;
  private final float[][] single; // activations of one event, per layer
  private final float[][][] tile; // activations of a tile, per layer and feature: [TILE] events

  public FastAutoencoder(DenseNetwork network) {
    List<DenseLayer> layers = network.layers();
    depth = layers.size();
    sizes = new int[depth + 1];
    weight = new float[depth][];
    columns = new float[depth][][];
    bias = new float[depth][];
    sizes[0] = layers.get(0).inputs();
    for (int l = 0; l < depth; l++) {
      DenseLayer layer = layers.get(l);
      sizes[l + 1] = layer.outputs();
      weight[l] = layer.weight();
      columns[l] = columns(weight[l], layer.outputs(), layer.inputs());
      bias[l] = layer.bias();
    }
    if (sizes[depth] != DIMENSION) {
      throw new IllegalArgumentException("the network must reconstruct " + DIMENSION + " features");
    }
    single = new float[depth + 1][];
    tile = new float[depth + 1][][];
    allocateScratch();
  }

  private FastAutoencoder(FastAutoencoder other) {
    depth = other.depth;
    sizes = other.sizes;
    weight = other.weight;
    columns = other.columns;
    bias = other.bias;
    single = new float[depth + 1][];
    tile = new float[depth + 1][][];
    allocateScratch();
  }

  private void allocateScratch() {
    for (int l = 0; l <= depth; l++) {
      single[l] = new float[sizes[l]];
      tile[l] = new float[sizes[l]][TILE];
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
    forwardOne(x, xOffset);
    return ReconstructionError.of(x, xOffset, single[depth], 0, mask, maskOffset);
  }

  /** Writes the reconstruction of one event (57 numbers) into {@code out}. */
  public void reconstruct(float[] x, int xOffset, float[] out) {
    forwardOne(x, xOffset);
    System.arraycopy(single[depth], 0, out, 0, DIMENSION);
  }

  /**
   * Scores {@code n} events: inputs in rows of {@link #inputs()} numbers, masks in rows of 19,
   * scores into {@code scores[0..n)}.
   */
  public void score(float[] x, float[] mask, int n, float[] scores) {
    int in = sizes[0];
    float[][] a0 = tile[0];
    for (int start = 0; start < n; start += TILE) {
      int t = Math.min(TILE, n - start);
      for (int e = 0; e < t; e++) {
        int row = (start + e) * in;
        for (int i = 0; i < in; i++) {
          a0[i][e] = x[row + i];
        }
      }
      for (int l = 0; l < depth; l++) {
        denseTile(l, tile[l], tile[l + 1], l < depth - 1);
      }
      tileErrors(mask, start, t, scores);
    }
  }

  private void forwardOne(float[] x, int xOffset) {
    System.arraycopy(x, xOffset, single[0], 0, sizes[0]);
    for (int l = 0; l < depth; l++) {
      denseOne(l, single[l], single[l + 1], l < depth - 1);
    }
  }

  private void denseOne(int l, float[] a, float[] h, boolean relu) {
    int in = sizes[l];
    int out = sizes[l + 1];
    float[][] cols = columns[l];
    System.arraycopy(bias[l], 0, h, 0, out);
    int i = 0;
    for (; i + 3 < in; i += 4) {
      float a0 = a[i];
      float a1 = a[i + 1];
      float a2 = a[i + 2];
      float a3 = a[i + 3];
      if (a0 == 0f && a1 == 0f && a2 == 0f && a3 == 0f) {
        continue; // padded slots, dead ReLUs
      }
      float[] c0 = cols[i];
      float[] c1 = cols[i + 1];
      float[] c2 = cols[i + 2];
      float[] c3 = cols[i + 3];
      for (int j = 0; j < out; j++) {
        h[j] += a0 * c0[j] + a1 * c1[j] + a2 * c2[j] + a3 * c3[j];
      }
    }
    for (; i < in; i++) {
      float ai = a[i];
      float[] col = cols[i];
      for (int j = 0; j < out; j++) {
        h[j] += ai * col[j];
      }
    }
    if (relu) {
      for (int j = 0; j < out; j++) {
        h[j] = Math.max(h[j], 0f);
      }
    }
  }

  /*
   * Each activation row is its own float[TILE] indexed by the event alone, and four inputs are
   * folded into each pass over a row: the loop shape HotSpot 17's C2 vectorises (an offset index
   * or one input per pass leaves it scalar or load/store bound). Lanes past the last event of a
   * short tile hold stale numbers that are never read back.
   */
  private void denseTile(int l, float[][] a, float[][] h, boolean relu) {
    int in = sizes[l];
    int out = sizes[l + 1];
    float[] w = weight[l];
    float[] b = bias[l];
    for (int j = 0; j < out; j++) {
      float[] hj = h[j];
      java.util.Arrays.fill(hj, b[j]);
      int wj = j * in;
      int i = 0;
      for (; i + 3 < in; i += 4) {
        axpy4(
            hj,
            a[i],
            a[i + 1],
            a[i + 2],
            a[i + 3],
            w[wj + i],
            w[wj + i + 1],
            w[wj + i + 2],
            w[wj + i + 3]);
      }
      for (; i < in; i++) {
        axpy(hj, a[i], w[wj + i]);
      }
      if (relu) {
        for (int e = 0; e < TILE; e++) {
          hj[e] = Math.max(hj[e], 0f);
        }
      }
    }
  }

  private static void axpy4(
      float[] h,
      float[] a0,
      float[] a1,
      float[] a2,
      float[] a3,
      float w0,
      float w1,
      float w2,
      float w3) {
    for (int e = 0; e < TILE; e++) {
      h[e] += w0 * a0[e] + w1 * a1[e] + w2 * a2[e] + w3 * a3[e];
    }
  }

  private static void axpy(float[] h, float[] a, float w) {
    for (int e = 0; e < TILE; e++) {
      h[e] += w * a[e];
    }
  }

  private void tileErrors(float[] mask, int start, int t, float[] scores) {
    float[][] r = tile[depth];
    float[][] a0 = tile[0];
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
          int f = slot * 3 + k;
          float d = r[f][e] - a0[f][e];
          sum += d * d;
        }
      }
      scores[start + e] = present == 0 ? 0f : sum / (3 * present);
    }
  }

  private static float[][] columns(float[] w, int rows, int cols) {
    float[][] out = new float[cols][rows];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        out[c][r] = w[r * cols + c];
      }
    }
    return out;
  }
}
