package io.trigmon.mlp;

import java.util.Arrays;

/**
 * The plain-Java forward pass of a {@link DenseNetwork}, in float, for one event or for a
 * micro-batch: the implementation behind the δ̂ models and the neural NPLM, and the autoencoder's
 * scorer where the JVM has no Vector API ({@link ForwardPasses}; else {@link VectorForwardPass}).
 * Nothing is allocated per call; an instance holds its scratch buffers and is not thread-safe
 * ({@link #copy()} gives another thread its own buffers over the same weights).
 *
 * <p>Two loop orders, both written so that HotSpot 17's C2 compiler vectorises (AVX) the innermost
 * loop without the Vector API:
 *
 * <ul>
 *   <li>one event ({@link #forward(float[], int)}): h += x_i · W[·][i] over the outputs, four
 *       inputs at a time (four inputs that are all 0 — padded slots, dead ReLUs — are skipped);
 *   <li>a micro-batch ({@link #forwardTile(int)}): activations feature-major, one {@code
 *       float[TILE]} row per feature, so the inner loop runs over events, h_j[e] = b_j + Σ_i W_ji ·
 *       a_i[e], four inputs folded into each pass over a row. Bias and activation are fused into
 *       the first and last pass.
 * </ul>
 *
 * <p>Both orders round identically, so an event's outputs do not depend on the batch it came in.
 *
 * <p>Why four inputs per pass: with C2's default unrolling limit, a loop body of one to four
 * multiply-adds is unrolled far enough to be packed into 8-lane vectors, a larger one is not and
 * runs scalar (measured: 6 or 8 inputs per pass, or two outputs per pass, were 2–3× slower).
 */
public final class ForwardPass {

  /**
   * Events per tile: the first layer's 57 input rows of 256 floats fit in L2 with their outputs.
   */
  public static final int TILE = 256;

  private final int depth;
  private final int[] sizes;
  private final Activation activation;
  private final float[][] weight; // per layer, row-major (out × in)
  private final float[][][] columns; // per layer and input i, the column W[·][i]
  private final float[][] bias;
  private final float[][] single; // activations of one event, per layer
  private final float[][][] tile; // activations of a tile, per layer and feature: [TILE] events

  public ForwardPass(DenseNetwork network) {
    sizes = network.sizes();
    depth = sizes.length - 1;
    activation = network.activation();
    weight = network.weights();
    bias = network.biases();
    columns = new float[depth][][];
    for (int l = 0; l < depth; l++) {
      columns[l] = columns(weight[l], sizes[l + 1], sizes[l]);
    }
    single = new float[depth + 1][];
    tile = new float[depth + 1][][];
    allocateScratch();
  }

  private ForwardPass(ForwardPass other) {
    depth = other.depth;
    sizes = other.sizes;
    activation = other.activation;
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

  /** Another pass over the same weights, with its own scratch buffers (for another thread). */
  public ForwardPass copy() {
    return new ForwardPass(this);
  }

  public int inputs() {
    return sizes[0];
  }

  public int outputs() {
    return sizes[depth];
  }

  /**
   * The outputs for one event whose {@link #inputs()} numbers start at {@code x[offset]}: a buffer
   * of this instance, valid until its next call.
   */
  public float[] forward(float[] x, int offset) {
    System.arraycopy(x, offset, single[0], 0, sizes[0]);
    for (int l = 0; l < depth; l++) {
      denseOne(l, single[l], single[l + 1], l < depth - 1);
    }
    return single[depth];
  }

  /**
   * The input rows of a tile, feature-major: {@code tileInput()[i][e]} is input i of event e, e <
   * {@link #TILE}. Fill the first n lanes, then call {@link #forwardTile(int)}.
   */
  public float[][] tileInput() {
    return tile[0];
  }

  /**
   * The outputs of the first {@code n} events of the tile, feature-major ({@code [outputs][TILE]},
   * lanes past n undefined): buffers of this instance, valid until the next call.
   */
  public float[][] forwardTile(int n) {
    if (n < 0 || n > TILE) {
      throw new IllegalArgumentException("a tile holds 0.." + TILE + " events, not " + n);
    }
    for (int l = 0; l < depth; l++) {
      denseTile(l, tile[l], tile[l + 1], n, l < depth - 1);
    }
    return tile[depth];
  }

  private void denseOne(int l, float[] a, float[] h, boolean hidden) {
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
    if (hidden) {
      activate(h, out);
    }
  }

  private void denseTile(int l, float[][] a, float[][] h, int n, boolean hidden) {
    int in = sizes[l];
    int groups = in / 4;
    boolean fuseRelu = hidden && activation == Activation.RELU;
    float[] w = weight[l];
    float[] b = bias[l];
    for (int j = 0; j < sizes[l + 1]; j++) {
      float[] hj = h[j];
      int row = j * in;
      int i = 0;
      if (groups == 0) {
        Arrays.fill(hj, 0, n, b[j]);
      }
      for (int g = 0; g < groups; g++, i += 4) {
        boolean last = fuseRelu && i + 4 == in;
        float w0 = w[row + i];
        float w1 = w[row + i + 1];
        float w2 = w[row + i + 2];
        float w3 = w[row + i + 3];
        if (g == 0 && last) {
          firstRelu(hj, b[j], a[i], a[i + 1], a[i + 2], a[i + 3], w0, w1, w2, w3, n);
        } else if (g == 0) {
          first(hj, b[j], a[i], a[i + 1], a[i + 2], a[i + 3], w0, w1, w2, w3, n);
        } else if (last) {
          addRelu(hj, a[i], a[i + 1], a[i + 2], a[i + 3], w0, w1, w2, w3, n);
        } else {
          add(hj, a[i], a[i + 1], a[i + 2], a[i + 3], w0, w1, w2, w3, n);
        }
      }
      for (; i < in; i++) {
        if (fuseRelu && i + 1 == in) {
          addRelu(hj, a[i], w[row + i], n);
        } else {
          add(hj, a[i], w[row + i], n);
        }
      }
      if (hidden && !fuseRelu) {
        activate(hj, n);
      }
    }
  }

  private void activate(float[] h, int n) {
    if (activation == Activation.RELU) {
      for (int e = 0; e < n; e++) {
        h[e] = Math.max(h[e], 0f); // a loop C2 vectorises, unlike the enum's double method
      }
      return;
    }
    for (int e = 0; e < n; e++) {
      h[e] = (float) activation.apply(h[e]);
    }
  }

  /*
   * The kernels: each row a float[] indexed by the event alone (an offset index leaves C2 scalar),
   * one kernel per loop shape so that every loop stays small enough to be vectorised. Each adds the
   * four products to h in the order denseOne does (h + (p0 + p1 + p2 + p3)), and a skipped group of
   * zero inputs adds ±0 there: the two paths give the same floats, bit for bit.
   */

  private static void first(
      float[] h,
      float b,
      float[] a0,
      float[] a1,
      float[] a2,
      float[] a3,
      float w0,
      float w1,
      float w2,
      float w3,
      int n) {
    for (int e = 0; e < n; e++) {
      h[e] = b + (w0 * a0[e] + w1 * a1[e] + w2 * a2[e] + w3 * a3[e]);
    }
  }

  private static void firstRelu(
      float[] h,
      float b,
      float[] a0,
      float[] a1,
      float[] a2,
      float[] a3,
      float w0,
      float w1,
      float w2,
      float w3,
      int n) {
    for (int e = 0; e < n; e++) {
      h[e] = Math.max(b + (w0 * a0[e] + w1 * a1[e] + w2 * a2[e] + w3 * a3[e]), 0f);
    }
  }

  private static void add(
      float[] h,
      float[] a0,
      float[] a1,
      float[] a2,
      float[] a3,
      float w0,
      float w1,
      float w2,
      float w3,
      int n) {
    for (int e = 0; e < n; e++) {
      h[e] += w0 * a0[e] + w1 * a1[e] + w2 * a2[e] + w3 * a3[e];
    }
  }

  private static void addRelu(
      float[] h,
      float[] a0,
      float[] a1,
      float[] a2,
      float[] a3,
      float w0,
      float w1,
      float w2,
      float w3,
      int n) {
    for (int e = 0; e < n; e++) {
      h[e] = Math.max(h[e] + (w0 * a0[e] + w1 * a1[e] + w2 * a2[e] + w3 * a3[e]), 0f);
    }
  }

  private static void add(float[] h, float[] a, float w, int n) {
    for (int e = 0; e < n; e++) {
      h[e] += w * a[e];
    }
  }

  private static void addRelu(float[] h, float[] a, float w, int n) {
    for (int e = 0; e < n; e++) {
      h[e] = Math.max(h[e] + w * a[e], 0f);
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
