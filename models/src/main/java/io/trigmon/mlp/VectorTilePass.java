package io.trigmon.mlp;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The forward pass of a ReLU {@link DenseNetwork} over a tile of up to {@link #TILE} events with
 * the Vector API, vectors across events: activations are feature-major (row i holds input i of the
 * tile's events), so every load and store is a whole contiguous vector, and no layer pays for
 * padding its width to whole vectors (57 and 8 are as cheap per multiply-add as 32). Load this
 * class only through {@link ForwardPasses}, as {@link VectorForwardPass}.
 *
 * <p>Why: vectors across a layer's outputs (as {@link VectorForwardPass} computes one event) pad
 * each layer to whole vectors (57 → 64, and 8 → 16 with AVX-512) and take one broadcast per event
 * per input; here the kernel keeps 6 outputs × 2 event vectors in 12 accumulators (enough FMA
 * chains to fill two 256-bit FMA pipes of 4 cycles' latency), and per input does 2 vector loads and
 * 6 weight broadcasts for 12 FMAs. The event-major rows are turned feature-major once per tile
 * ({@link #load}); that costs about 0.3 ns per float, less than the padding and broadcasts saved.
 *
 * <p>Each output is {@code fma(a_in-1, W, … fma(a_0, W, b))}, inputs in order — the chain {@link
 * VectorForwardPass} computes — so the two passes give the same outputs, bit for bit, and an
 * event's outputs do not depend on its tile or its lane. An instance holds its tile and is not
 * thread-safe ({@link #copy()}).
 */
public final class VectorTilePass {

  /** Events per tile: a multiple of 2 vectors of up to 16 floats. */
  public static final int TILE = 64;

  /** Outputs per kernel step: blocks of 6, and of 4 at the end ({@link #block}). */
  private static final int OUTPUTS = 6;

  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  private final int depth;
  private final int[] sizes;
  private final float[][] weight; // layer l in blocks of outputs (blocked), padding 0
  private final float[][] bias; // layer l, padded with 0 (padded)
  private final float[] input; // the tile's inputs: row i at i · TILE
  private final float[][] act; // two buffers the layers' outputs alternate in, rows of TILE

  /**
   * @throws IllegalArgumentException if the hidden layers are not ReLU
   */
  public VectorTilePass(DenseNetwork network) {
    if (network.activation() != Activation.RELU) {
      throw new IllegalArgumentException(
          "the Vector API pass has ReLU hidden layers only, not " + network.activation());
    }
    if (TILE % (2 * L) != 0) {
      throw new IllegalStateException(
          TILE + " events do not fill pairs of " + L + "-float vectors");
    }
    sizes = network.sizes();
    depth = sizes.length - 1;
    weight = new float[depth][];
    bias = new float[depth][];
    for (int l = 0; l < depth; l++) {
      weight[l] = blocked(network.weights()[l], sizes[l], sizes[l + 1]);
      bias[l] = new float[padded(sizes[l + 1])];
      System.arraycopy(network.biases()[l], 0, bias[l], 0, sizes[l + 1]);
    }
    input = new float[sizes[0] * TILE];
    act = newBuffers();
  }

  private VectorTilePass(VectorTilePass other) {
    depth = other.depth;
    sizes = other.sizes;
    weight = other.weight;
    bias = other.bias;
    input = new float[sizes[0] * TILE];
    act = newBuffers();
  }

  /** Another pass over the same weights, with its own tile (for another thread). */
  public VectorTilePass copy() {
    return new VectorTilePass(this);
  }

  private float[][] newBuffers() {
    int widest = 0;
    for (int l = 1; l < sizes.length; l++) {
      widest = Math.max(widest, padded(sizes[l]));
    }
    return new float[][] {new float[widest * TILE], new float[widest * TILE]};
  }

  /** A layer's width rounded up to blocks of 6 and 4 outputs: even, at least 4. */
  private static int padded(int width) {
    return Math.max(4, (width + 1) / 2 * 2);
  }

  /**
   * Outputs in the kernel block that starts at output j of a layer {@code width} wide (padded): 6,
   * and 4 where 4 or 8 are left (an even width ≥ 4 is a sum of 6s and 4s).
   */
  private static int block(int j, int width) {
    int left = width - j;
    return left == 4 || left == 8 ? 4 : OUTPUTS;
  }

  /**
   * W (output-major, {@code out × in}) in blocks of outputs ({@link #block}), input-major within a
   * block: the block of r outputs from j holds W[j + k][i] at {@code j · in + i · r + k}.
   */
  private static float[] blocked(float[] w, int in, int out) {
    int width = padded(out);
    float[] blocked = new float[width * in];
    for (int j = 0, r; j < width; j += r) {
      r = block(j, width);
      for (int k = 0; k < r && j + k < out; k++) {
        for (int i = 0; i < in; i++) {
          blocked[j * in + i * r + k] = w[(j + k) * in + i];
        }
      }
    }
    return blocked;
  }

  public int inputs() {
    return sizes[0];
  }

  public int outputs() {
    return sizes[depth];
  }

  /** Floats per vector of the species in use (8 with AVX2, 16 with AVX-512). */
  public static int lanes() {
    return L;
  }

  /**
   * Events a pass over {@code n} events computes: {@code n} rounded up to pairs of vectors (the
   * kernels' step). Lanes from {@code n} on hold zero inputs.
   */
  public static int lanes(int n) {
    return (n + 2 * L - 1) / (2 * L) * (2 * L);
  }

  /**
   * Reads {@code n} events (1 ≤ n ≤ {@link #TILE}) whose inputs are rows of {@code stride} floats
   * in {@code x}, the first at {@code offset}, into the tile.
   */
  public void load(float[] x, int offset, int stride, int n) {
    if (n < 1 || n > TILE) {
      throw new IllegalArgumentException("a tile holds 1.." + TILE + " events, not " + n);
    }
    int in = sizes[0];
    if (stride < in || offset < 0 || offset + (n - 1) * stride + in > x.length) {
      throw new IllegalArgumentException("the input rows do not fit the array");
    }
    for (int e = 0, row = offset; e < n; e++, row += stride) {
      for (int i = 0, t = e; i < in; i++, t += TILE) {
        input[t] = x[row + i];
      }
    }
    int lanes = lanes(n);
    for (int i = 0; i < in; i++) {
      java.util.Arrays.fill(input, i * TILE + n, i * TILE + lanes, 0f);
    }
  }

  /** The loaded inputs: input i of the tile's event e at {@code i · TILE + e}. */
  public float[] input() {
    return input;
  }

  /**
   * Runs the network over the first {@code n} loaded events; returns their outputs (output o of
   * event e at {@code o · TILE + e}; lanes past {@code n} are not events), valid until the next
   * call.
   */
  public float[] forward(int n) {
    float[] a = input;
    for (int l = 0; l < depth; l++) {
      float[] h = act[l % 2];
      layer(l, a, h, n, l < depth - 1);
      a = h;
    }
    return a;
  }

  /** One layer: blocks of 6 outputs (the last ones of 4, {@link #block}) × 2 event vectors. */
  private void layer(int l, float[] a, float[] h, int n, boolean relu) {
    int in = sizes[l];
    int width = bias[l].length;
    float[] w = weight[l];
    float[] b = bias[l];
    int lanes = lanes(n);
    for (int j = 0, r; j < width; j += r) {
      r = block(j, width);
      int wj = j * in;
      for (int e = 0; e < lanes; e += 2 * L) {
        if (r == OUTPUTS) {
          k6(a, e, in, w, wj, b, j, h, relu);
        } else {
          k4(a, e, in, w, wj, b, j, h, relu);
        }
      }
    }
  }

  /*
   * The kernels, 6 or 4 outputs × 2 event vectors. Arguments: activations a (input i of event e at
   * i·TILE + e), in inputs, weights w (the block from w0: input i's r outputs at w0 + r·i), bias b
   * and outputs h from output j (output j of event e at j·TILE + e). Vectors are local variables,
   * never arrays or arguments, so that C2 keeps them in registers; 6 × 2 accumulators, 2 inputs
   * and a weight fill 15 of AVX2's 16 vector registers.
   */

  private static void k6(
      float[] a, int e, int in, float[] w, int w0, float[] b, int j, float[] h, boolean relu) {
    FloatVector c00 = FloatVector.broadcast(S, b[j]);
    FloatVector c10 = FloatVector.broadcast(S, b[j + 1]);
    FloatVector c20 = FloatVector.broadcast(S, b[j + 2]);
    FloatVector c30 = FloatVector.broadcast(S, b[j + 3]);
    FloatVector c40 = FloatVector.broadcast(S, b[j + 4]);
    FloatVector c50 = FloatVector.broadcast(S, b[j + 5]);
    FloatVector c01 = c00;
    FloatVector c11 = c10;
    FloatVector c21 = c20;
    FloatVector c31 = c30;
    FloatVector c41 = c40;
    FloatVector c51 = c50;
    for (int i = 0, ai = e, wi = w0; i < in; i++, ai += TILE, wi += 6) {
      FloatVector x0 = FloatVector.fromArray(S, a, ai);
      FloatVector x1 = FloatVector.fromArray(S, a, ai + L);
      FloatVector v = FloatVector.broadcast(S, w[wi]);
      c00 = x0.fma(v, c00);
      c01 = x1.fma(v, c01);
      v = FloatVector.broadcast(S, w[wi + 1]);
      c10 = x0.fma(v, c10);
      c11 = x1.fma(v, c11);
      v = FloatVector.broadcast(S, w[wi + 2]);
      c20 = x0.fma(v, c20);
      c21 = x1.fma(v, c21);
      v = FloatVector.broadcast(S, w[wi + 3]);
      c30 = x0.fma(v, c30);
      c31 = x1.fma(v, c31);
      v = FloatVector.broadcast(S, w[wi + 4]);
      c40 = x0.fma(v, c40);
      c41 = x1.fma(v, c41);
      v = FloatVector.broadcast(S, w[wi + 5]);
      c50 = x0.fma(v, c50);
      c51 = x1.fma(v, c51);
    }
    int h0 = j * TILE + e;
    store(c00, h, h0, relu);
    store(c01, h, h0 + L, relu);
    store(c10, h, h0 + TILE, relu);
    store(c11, h, h0 + TILE + L, relu);
    store(c20, h, h0 + 2 * TILE, relu);
    store(c21, h, h0 + 2 * TILE + L, relu);
    store(c30, h, h0 + 3 * TILE, relu);
    store(c31, h, h0 + 3 * TILE + L, relu);
    store(c40, h, h0 + 4 * TILE, relu);
    store(c41, h, h0 + 4 * TILE + L, relu);
    store(c50, h, h0 + 5 * TILE, relu);
    store(c51, h, h0 + 5 * TILE + L, relu);
  }

  private static void k4(
      float[] a, int e, int in, float[] w, int w0, float[] b, int j, float[] h, boolean relu) {
    FloatVector c00 = FloatVector.broadcast(S, b[j]);
    FloatVector c10 = FloatVector.broadcast(S, b[j + 1]);
    FloatVector c20 = FloatVector.broadcast(S, b[j + 2]);
    FloatVector c30 = FloatVector.broadcast(S, b[j + 3]);
    FloatVector c01 = c00;
    FloatVector c11 = c10;
    FloatVector c21 = c20;
    FloatVector c31 = c30;
    for (int i = 0, ai = e, wi = w0; i < in; i++, ai += TILE, wi += 4) {
      FloatVector x0 = FloatVector.fromArray(S, a, ai);
      FloatVector x1 = FloatVector.fromArray(S, a, ai + L);
      FloatVector v = FloatVector.broadcast(S, w[wi]);
      c00 = x0.fma(v, c00);
      c01 = x1.fma(v, c01);
      v = FloatVector.broadcast(S, w[wi + 1]);
      c10 = x0.fma(v, c10);
      c11 = x1.fma(v, c11);
      v = FloatVector.broadcast(S, w[wi + 2]);
      c20 = x0.fma(v, c20);
      c21 = x1.fma(v, c21);
      v = FloatVector.broadcast(S, w[wi + 3]);
      c30 = x0.fma(v, c30);
      c31 = x1.fma(v, c31);
    }
    int h0 = j * TILE + e;
    store(c00, h, h0, relu);
    store(c01, h, h0 + L, relu);
    store(c10, h, h0 + TILE, relu);
    store(c11, h, h0 + TILE + L, relu);
    store(c20, h, h0 + 2 * TILE, relu);
    store(c21, h, h0 + 2 * TILE + L, relu);
    store(c30, h, h0 + 3 * TILE, relu);
    store(c31, h, h0 + 3 * TILE + L, relu);
  }

  private static void store(FloatVector c, float[] h, int offset, boolean relu) {
    (relu ? c.max(0f) : c).intoArray(h, offset);
  }
}
