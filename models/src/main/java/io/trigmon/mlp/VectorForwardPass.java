package io.trigmon.mlp;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The forward pass of a ReLU {@link DenseNetwork} with the Vector API ({@code
 * jdk.incubator.vector}, an incubator module in Java 17: compile and run with {@code --add-modules
 * jdk.incubator.vector}). Load this class only through {@link ForwardPasses}, which checks that the
 * module is there; without it the class does not link.
 *
 * <p>Why: the plain {@link ForwardPass} relies on C2's auto-vectorisation, which only packs loops
 * of up to four multiply-adds and so does a load and a store per four multiply-adds per lane (≈ 13
 * multiply-adds/ns here). This pass keeps a register block of results instead: vectors run over a
 * layer's outputs ({@code SPECIES_PREFERRED}, 8 floats with AVX2), weights are stored transposed
 * (input-major, outputs padded to whole vectors), and for each input i a block of up to 4 weight
 * vectors is multiplied (FMA) by the broadcast input of 2 events at once — 8 accumulators in
 * registers, 4 loads and 2 broadcasts per 8 FMAs (2 vectors × 6 events and 1 × 8 for narrower
 * layers; a lone event takes 8 vectors at once where a layer is that wide, for 8 independent FMA
 * chains). Bias is the accumulators' start value, ReLU is applied on the way out. (4 × 3 events, 12
 * accumulators, needs 17 of AVX2's 16 vector registers: it spilled and ran 2× slower, measured.)
 * The transposed scheme — vectors over events, activations feature-major — has a slightly faster
 * kernel but needs the inputs transposed, which costs more than it gains
 * (reports/bench/ae-speed.md).
 *
 * <p>Events come in blocks of at most {@link #BLOCK}: a block goes through the whole network while
 * its activations (event-major, one padded row per event) stay in L1. Inputs are read in place,
 * event-major with any row stride, so nothing is transposed.
 *
 * <p>Each output of each event is {@code fma(a_in-1, W, … fma(a_1, W, fma(a_0, W, b)))}, inputs in
 * order, whichever kernel computed it: an event's outputs do not depend on the batch it came in,
 * bit for bit. They differ from {@link ForwardPass}'s (which rounds each product) in the last bits
 * only. An instance holds scratch buffers and is not thread-safe ({@link #copy()}).
 */
public final class VectorForwardPass {

  /** Events per block (a multiple of 2, 6 and 8, the kernels' event counts). */
  public static final int BLOCK = 48;

  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  private final int depth;
  private final int[] sizes;
  private final int[] padded; // layer widths rounded up to whole vectors
  private final float[][] weight; // per layer, W[j][i] at [i * padded[l + 1] + j], padding 0
  private final float[][] bias; // per layer, padded with 0
  private final float[][] scratch; // per layer's output: BLOCK rows of padded[l + 1]

  /**
   * @throws IllegalArgumentException if the hidden layers are not ReLU
   */
  public VectorForwardPass(DenseNetwork network) {
    if (network.activation() != Activation.RELU) {
      throw new IllegalArgumentException(
          "the Vector API pass has ReLU hidden layers only, not " + network.activation());
    }
    sizes = network.sizes();
    depth = sizes.length - 1;
    padded = new int[sizes.length];
    for (int l = 0; l < sizes.length; l++) {
      padded[l] = (sizes[l] + L - 1) / L * L;
    }
    weight = new float[depth][];
    bias = new float[depth][];
    float[][] w = network.weights();
    float[][] b = network.biases();
    for (int l = 0; l < depth; l++) {
      int in = sizes[l];
      int width = padded[l + 1];
      weight[l] = new float[in * width];
      bias[l] = new float[width];
      for (int j = 0; j < sizes[l + 1]; j++) {
        bias[l][j] = b[l][j];
        for (int i = 0; i < in; i++) {
          weight[l][i * width + j] = w[l][j * in + i];
        }
      }
    }
    scratch = new float[depth][];
    allocateScratch();
  }

  private VectorForwardPass(VectorForwardPass other) {
    depth = other.depth;
    sizes = other.sizes;
    padded = other.padded;
    weight = other.weight;
    bias = other.bias;
    scratch = new float[depth][];
    allocateScratch();
  }

  private void allocateScratch() {
    for (int l = 0; l < depth; l++) {
      scratch[l] = new float[BLOCK * padded[l + 1]];
    }
  }

  /** Another pass over the same weights, with its own scratch buffers (for another thread). */
  public VectorForwardPass copy() {
    return new VectorForwardPass(this);
  }

  public int inputs() {
    return sizes[0];
  }

  public int outputs() {
    return sizes[depth];
  }

  /** Floats per event in the output buffer: {@link #outputs()} rounded up to whole vectors. */
  public int outputStride() {
    return padded[depth];
  }

  /** Floats per vector of the species in use (8 with AVX2, 16 with AVX-512). */
  public static int lanes() {
    return L;
  }

  /**
   * The outputs of {@code n} events (1 ≤ n ≤ {@link #BLOCK}) whose inputs are rows of {@code
   * stride} floats in {@code x}, the first at {@code offset}: event e's outputs at {@code e ·
   * outputStride()} of the returned buffer of this instance, valid until the next call (padding
   * lanes are 0).
   */
  public float[] forward(float[] x, int offset, int stride, int n) {
    if (n < 1 || n > BLOCK) {
      throw new IllegalArgumentException("a block holds 1.." + BLOCK + " events, not " + n);
    }
    if (stride < sizes[0] || offset < 0 || offset + (n - 1) * stride + sizes[0] > x.length) {
      throw new IllegalArgumentException("the input rows do not fit the array");
    }
    float[] a = x;
    int aOffset = offset;
    int aStride = stride;
    for (int l = 0; l < depth; l++) {
      dense(l, a, aOffset, aStride, n, l < depth - 1);
      a = scratch[l];
      aOffset = 0;
      aStride = padded[l + 1];
    }
    return scratch[depth - 1];
  }

  /** One layer for n events, output vectors in chunks of 4, 2 and 1, events 2, 6 or 8 at once. */
  private void dense(int l, float[] a, int aOffset, int aStride, int n, boolean relu) {
    int in = sizes[l];
    int width = padded[l + 1];
    float[] w = weight[l];
    float[] b = bias[l];
    float[] h = scratch[l];
    int j = 0;
    while (j < width) {
      int vectors = (width - j) / L;
      int e = 0;
      if (n == 1 && vectors >= 8) { // one event: 8 chains of FMA latency instead of 4
        k8x1(a, aOffset, in, w, j, width, b, h, j, relu);
        j += 8 * L;
      } else if (vectors >= 4) {
        for (; e + 2 <= n; e += 2) {
          k4x2(a, aOffset + e * aStride, aStride, in, w, j, width, b, h, e * width + j, relu);
        }
        for (; e < n; e++) {
          k4x1(a, aOffset + e * aStride, in, w, j, width, b, h, e * width + j, relu);
        }
        j += 4 * L;
      } else if (vectors >= 2) {
        for (; e + 6 <= n; e += 6) {
          k2x6(a, aOffset + e * aStride, aStride, in, w, j, width, b, h, e * width + j, relu);
        }
        for (; e < n; e++) {
          k2x1(a, aOffset + e * aStride, in, w, j, width, b, h, e * width + j, relu);
        }
        j += 2 * L;
      } else {
        for (; e + 8 <= n; e += 8) {
          k1x8(a, aOffset + e * aStride, aStride, in, w, j, width, b, h, e * width + j, relu);
        }
        for (; e < n; e++) {
          k1x1(a, aOffset + e * aStride, in, w, j, width, b, h, e * width + j, relu);
        }
        j += L;
      }
    }
  }

  /*
   * The kernels. Arguments: activations a (event k's input i at a0 + k·as + i), in inputs, weights
   * w (input i's outputs j.. at j + i·ws), bias b (from j), outputs h (event k's from h0 + k·ws).
   * Vectors are local variables, never arrays, so that C2 keeps them in registers.
   */

  private static void k4x2(
      float[] a,
      int a0,
      int as,
      int in,
      float[] w,
      int j,
      int ws,
      float[] b,
      float[] h,
      int h0,
      boolean relu) {
    FloatVector b0 = FloatVector.fromArray(S, b, j);
    FloatVector b1 = FloatVector.fromArray(S, b, j + L);
    FloatVector b2 = FloatVector.fromArray(S, b, j + 2 * L);
    FloatVector b3 = FloatVector.fromArray(S, b, j + 3 * L);
    FloatVector c00 = b0;
    FloatVector c01 = b1;
    FloatVector c02 = b2;
    FloatVector c03 = b3;
    FloatVector c10 = b0;
    FloatVector c11 = b1;
    FloatVector c12 = b2;
    FloatVector c13 = b3;
    int a1 = a0 + as;
    for (int i = 0, wi = j; i < in; i++, wi += ws) {
      FloatVector w0 = FloatVector.fromArray(S, w, wi);
      FloatVector w1 = FloatVector.fromArray(S, w, wi + L);
      FloatVector w2 = FloatVector.fromArray(S, w, wi + 2 * L);
      FloatVector w3 = FloatVector.fromArray(S, w, wi + 3 * L);
      FloatVector x = FloatVector.broadcast(S, a[a0 + i]);
      c00 = x.fma(w0, c00);
      c01 = x.fma(w1, c01);
      c02 = x.fma(w2, c02);
      c03 = x.fma(w3, c03);
      x = FloatVector.broadcast(S, a[a1 + i]);
      c10 = x.fma(w0, c10);
      c11 = x.fma(w1, c11);
      c12 = x.fma(w2, c12);
      c13 = x.fma(w3, c13);
    }
    int h1 = h0 + ws;
    store(c00, h, h0, relu);
    store(c01, h, h0 + L, relu);
    store(c02, h, h0 + 2 * L, relu);
    store(c03, h, h0 + 3 * L, relu);
    store(c10, h, h1, relu);
    store(c11, h, h1 + L, relu);
    store(c12, h, h1 + 2 * L, relu);
    store(c13, h, h1 + 3 * L, relu);
  }

  private static void k8x1(
      float[] a,
      int a0,
      int in,
      float[] w,
      int j,
      int ws,
      float[] b,
      float[] h,
      int h0,
      boolean relu) {
    FloatVector c0 = FloatVector.fromArray(S, b, j);
    FloatVector c1 = FloatVector.fromArray(S, b, j + L);
    FloatVector c2 = FloatVector.fromArray(S, b, j + 2 * L);
    FloatVector c3 = FloatVector.fromArray(S, b, j + 3 * L);
    FloatVector c4 = FloatVector.fromArray(S, b, j + 4 * L);
    FloatVector c5 = FloatVector.fromArray(S, b, j + 5 * L);
    FloatVector c6 = FloatVector.fromArray(S, b, j + 6 * L);
    FloatVector c7 = FloatVector.fromArray(S, b, j + 7 * L);
    for (int i = 0, wi = j; i < in; i++, wi += ws) {
      FloatVector x = FloatVector.broadcast(S, a[a0 + i]);
      c0 = x.fma(FloatVector.fromArray(S, w, wi), c0);
      c1 = x.fma(FloatVector.fromArray(S, w, wi + L), c1);
      c2 = x.fma(FloatVector.fromArray(S, w, wi + 2 * L), c2);
      c3 = x.fma(FloatVector.fromArray(S, w, wi + 3 * L), c3);
      c4 = x.fma(FloatVector.fromArray(S, w, wi + 4 * L), c4);
      c5 = x.fma(FloatVector.fromArray(S, w, wi + 5 * L), c5);
      c6 = x.fma(FloatVector.fromArray(S, w, wi + 6 * L), c6);
      c7 = x.fma(FloatVector.fromArray(S, w, wi + 7 * L), c7);
    }
    store(c0, h, h0, relu);
    store(c1, h, h0 + L, relu);
    store(c2, h, h0 + 2 * L, relu);
    store(c3, h, h0 + 3 * L, relu);
    store(c4, h, h0 + 4 * L, relu);
    store(c5, h, h0 + 5 * L, relu);
    store(c6, h, h0 + 6 * L, relu);
    store(c7, h, h0 + 7 * L, relu);
  }

  private static void k4x1(
      float[] a,
      int a0,
      int in,
      float[] w,
      int j,
      int ws,
      float[] b,
      float[] h,
      int h0,
      boolean relu) {
    FloatVector c0 = FloatVector.fromArray(S, b, j);
    FloatVector c1 = FloatVector.fromArray(S, b, j + L);
    FloatVector c2 = FloatVector.fromArray(S, b, j + 2 * L);
    FloatVector c3 = FloatVector.fromArray(S, b, j + 3 * L);
    for (int i = 0, wi = j; i < in; i++, wi += ws) {
      FloatVector x = FloatVector.broadcast(S, a[a0 + i]);
      c0 = x.fma(FloatVector.fromArray(S, w, wi), c0);
      c1 = x.fma(FloatVector.fromArray(S, w, wi + L), c1);
      c2 = x.fma(FloatVector.fromArray(S, w, wi + 2 * L), c2);
      c3 = x.fma(FloatVector.fromArray(S, w, wi + 3 * L), c3);
    }
    store(c0, h, h0, relu);
    store(c1, h, h0 + L, relu);
    store(c2, h, h0 + 2 * L, relu);
    store(c3, h, h0 + 3 * L, relu);
  }

  private static void k2x6(
      float[] a,
      int a0,
      int as,
      int in,
      float[] w,
      int j,
      int ws,
      float[] b,
      float[] h,
      int h0,
      boolean relu) {
    FloatVector b0 = FloatVector.fromArray(S, b, j);
    FloatVector b1 = FloatVector.fromArray(S, b, j + L);
    FloatVector c00 = b0;
    FloatVector c01 = b1;
    FloatVector c10 = b0;
    FloatVector c11 = b1;
    FloatVector c20 = b0;
    FloatVector c21 = b1;
    FloatVector c30 = b0;
    FloatVector c31 = b1;
    FloatVector c40 = b0;
    FloatVector c41 = b1;
    FloatVector c50 = b0;
    FloatVector c51 = b1;
    int a1 = a0 + as;
    int a2 = a1 + as;
    int a3 = a2 + as;
    int a4 = a3 + as;
    int a5 = a4 + as;
    for (int i = 0, wi = j; i < in; i++, wi += ws) {
      FloatVector w0 = FloatVector.fromArray(S, w, wi);
      FloatVector w1 = FloatVector.fromArray(S, w, wi + L);
      FloatVector x = FloatVector.broadcast(S, a[a0 + i]);
      c00 = x.fma(w0, c00);
      c01 = x.fma(w1, c01);
      x = FloatVector.broadcast(S, a[a1 + i]);
      c10 = x.fma(w0, c10);
      c11 = x.fma(w1, c11);
      x = FloatVector.broadcast(S, a[a2 + i]);
      c20 = x.fma(w0, c20);
      c21 = x.fma(w1, c21);
      x = FloatVector.broadcast(S, a[a3 + i]);
      c30 = x.fma(w0, c30);
      c31 = x.fma(w1, c31);
      x = FloatVector.broadcast(S, a[a4 + i]);
      c40 = x.fma(w0, c40);
      c41 = x.fma(w1, c41);
      x = FloatVector.broadcast(S, a[a5 + i]);
      c50 = x.fma(w0, c50);
      c51 = x.fma(w1, c51);
    }
    int h1 = h0 + ws;
    int h2 = h1 + ws;
    int h3 = h2 + ws;
    int h4 = h3 + ws;
    int h5 = h4 + ws;
    store(c00, h, h0, relu);
    store(c01, h, h0 + L, relu);
    store(c10, h, h1, relu);
    store(c11, h, h1 + L, relu);
    store(c20, h, h2, relu);
    store(c21, h, h2 + L, relu);
    store(c30, h, h3, relu);
    store(c31, h, h3 + L, relu);
    store(c40, h, h4, relu);
    store(c41, h, h4 + L, relu);
    store(c50, h, h5, relu);
    store(c51, h, h5 + L, relu);
  }

  private static void k2x1(
      float[] a,
      int a0,
      int in,
      float[] w,
      int j,
      int ws,
      float[] b,
      float[] h,
      int h0,
      boolean relu) {
    FloatVector c0 = FloatVector.fromArray(S, b, j);
    FloatVector c1 = FloatVector.fromArray(S, b, j + L);
    for (int i = 0, wi = j; i < in; i++, wi += ws) {
      FloatVector x = FloatVector.broadcast(S, a[a0 + i]);
      c0 = x.fma(FloatVector.fromArray(S, w, wi), c0);
      c1 = x.fma(FloatVector.fromArray(S, w, wi + L), c1);
    }
    store(c0, h, h0, relu);
    store(c1, h, h0 + L, relu);
  }

  private static void k1x8(
      float[] a,
      int a0,
      int as,
      int in,
      float[] w,
      int j,
      int ws,
      float[] b,
      float[] h,
      int h0,
      boolean relu) {
    FloatVector b0 = FloatVector.fromArray(S, b, j);
    FloatVector c0 = b0;
    FloatVector c1 = b0;
    FloatVector c2 = b0;
    FloatVector c3 = b0;
    FloatVector c4 = b0;
    FloatVector c5 = b0;
    FloatVector c6 = b0;
    FloatVector c7 = b0;
    int a1 = a0 + as;
    int a2 = a1 + as;
    int a3 = a2 + as;
    int a4 = a3 + as;
    int a5 = a4 + as;
    int a6 = a5 + as;
    int a7 = a6 + as;
    for (int i = 0, wi = j; i < in; i++, wi += ws) {
      FloatVector w0 = FloatVector.fromArray(S, w, wi);
      c0 = FloatVector.broadcast(S, a[a0 + i]).fma(w0, c0);
      c1 = FloatVector.broadcast(S, a[a1 + i]).fma(w0, c1);
      c2 = FloatVector.broadcast(S, a[a2 + i]).fma(w0, c2);
      c3 = FloatVector.broadcast(S, a[a3 + i]).fma(w0, c3);
      c4 = FloatVector.broadcast(S, a[a4 + i]).fma(w0, c4);
      c5 = FloatVector.broadcast(S, a[a5 + i]).fma(w0, c5);
      c6 = FloatVector.broadcast(S, a[a6 + i]).fma(w0, c6);
      c7 = FloatVector.broadcast(S, a[a7 + i]).fma(w0, c7);
    }
    store(c0, h, h0, relu);
    store(c1, h, h0 + ws, relu);
    store(c2, h, h0 + 2 * ws, relu);
    store(c3, h, h0 + 3 * ws, relu);
    store(c4, h, h0 + 4 * ws, relu);
    store(c5, h, h0 + 5 * ws, relu);
    store(c6, h, h0 + 6 * ws, relu);
    store(c7, h, h0 + 7 * ws, relu);
  }

  private static void k1x1(
      float[] a,
      int a0,
      int in,
      float[] w,
      int j,
      int ws,
      float[] b,
      float[] h,
      int h0,
      boolean relu) {
    FloatVector c0 = FloatVector.fromArray(S, b, j);
    for (int i = 0, wi = j; i < in; i++, wi += ws) {
      c0 = FloatVector.broadcast(S, a[a0 + i]).fma(FloatVector.fromArray(S, w, wi), c0);
    }
    store(c0, h, h0, relu);
  }

  private static void store(FloatVector c, float[] h, int offset, boolean relu) {
    (relu ? c.max(0f) : c).intoArray(h, offset);
  }
}
