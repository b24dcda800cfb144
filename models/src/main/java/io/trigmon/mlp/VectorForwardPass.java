package io.trigmon.mlp;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The forward pass of one event through a ReLU {@link DenseNetwork} with the Vector API ({@code
 * jdk.incubator.vector}, an incubator module in Java 17: compile and run with {@code --add-modules
 * jdk.incubator.vector}). Load this class only through {@link ForwardPasses}, which checks that the
 * module is there; without it the class does not link. Batches go through {@link VectorTilePass}.
 *
 * <p>Why: the plain {@link ForwardPass} relies on C2's auto-vectorisation, which only packs loops
 * of up to four multiply-adds and so does a load and a store per four multiply-adds per lane. Here
 * vectors run over a layer's outputs ({@code SPECIES_PREFERRED}, 8 floats with AVX2, 16 with
 * AVX-512), weights are stored transposed (input-major, outputs padded to whole vectors), and for
 * each input the broadcast input is multiplied (FMA) into up to 8 output vectors held in registers
 * — 8 independent FMA chains where a layer is that wide. Bias is the accumulators' start value,
 * ReLU is applied on the way out.
 *
 * <p>Each output is {@code fma(a_in-1, W, … fma(a_1, W, fma(a_0, W, b)))}, inputs in order: the
 * chain {@link VectorTilePass} computes for every event of a tile, so the two give the same
 * outputs, bit for bit. They differ from {@link ForwardPass}'s (which rounds each product) in the
 * last bits only. An instance holds scratch buffers and is not thread-safe ({@link #copy()}).
 */
public final class VectorForwardPass {

  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  private final int depth;
  private final int[] sizes;
  private final int[] padded; // layer widths rounded up to whole vectors
  private final float[][] weight; // per layer, W[j][i] at [i * padded[l + 1] + j], padding 0
  private final float[][] bias; // per layer, padded with 0
  private final float[][] scratch; // per layer's output: padded[l + 1] floats

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
      scratch[l] = new float[padded[l + 1]];
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
   * The outputs of the event whose inputs are in {@code x} from {@code offset}: in the returned
   * buffer of this instance, valid until the next call (padding lanes, up to {@link
   * #outputStride()}, are 0).
   */
  public float[] forward(float[] x, int offset) {
    if (offset < 0 || offset + sizes[0] > x.length) {
      throw new IllegalArgumentException("the inputs do not fit the array");
    }
    float[] a = x;
    int aOffset = offset;
    for (int l = 0; l < depth; l++) {
      dense(l, a, aOffset, l < depth - 1);
      a = scratch[l];
      aOffset = 0;
    }
    return scratch[depth - 1];
  }

  /** One layer: output vectors in chunks of 8, 4, 2 and 1. */
  private void dense(int l, float[] a, int aOffset, boolean relu) {
    int in = sizes[l];
    int width = padded[l + 1];
    float[] w = weight[l];
    float[] b = bias[l];
    float[] h = scratch[l];
    int j = 0;
    while (j < width) {
      int vectors = (width - j) / L;
      if (vectors >= 8) {
        k8x1(a, aOffset, in, w, j, width, b, h, j, relu);
        j += 8 * L;
      } else if (vectors >= 4) {
        k4x1(a, aOffset, in, w, j, width, b, h, j, relu);
        j += 4 * L;
      } else if (vectors >= 2) {
        k2x1(a, aOffset, in, w, j, width, b, h, j, relu);
        j += 2 * L;
      } else {
        k1x1(a, aOffset, in, w, j, width, b, h, j, relu);
        j += L;
      }
    }
  }

  /*
   * The kernels, 8, 4, 2 and 1 output vectors. Arguments: activations a (input i at a0 + i), in
   * inputs, weights w (input i's outputs j.. at j + i·ws), bias b (from j), outputs h (from h0).
   * Vectors are local variables, never arrays, so that C2 keeps them in registers.
   */

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
