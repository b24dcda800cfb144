package io.trigmon.mlp;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * An immutable fully connected network: hidden layers with one {@link Activation}, a linear output
 * layer. The plain-Java forward pass here is what models use at inference (about a microsecond per
 * event for the small networks of this project, no per-call overhead); training happens in {@link
 * TrainableNetwork} with DJL, whose outputs this class reproduces (checked in tests).
 *
 * @param sizes layer widths, input first, output last
 * @param activation activation of every hidden layer
 * @param weights per layer, {@code sizes[l+1] × sizes[l]} row-major (output-major)
 * @param biases per layer, {@code sizes[l+1]}
 */
public record DenseNetwork(
    int[] sizes, Activation activation, float[][] weights, float[][] biases) {

  public DenseNetwork {
    if (sizes.length < 2) {
      throw new IllegalArgumentException("a network needs at least an input and an output layer");
    }
    if (weights.length != sizes.length - 1 || biases.length != sizes.length - 1) {
      throw new IllegalArgumentException("one weight matrix and one bias vector per layer");
    }
    for (int l = 0; l < weights.length; l++) {
      if (weights[l].length != sizes[l + 1] * sizes[l] || biases[l].length != sizes[l + 1]) {
        throw new IllegalArgumentException(
            "layer " + l + " does not match sizes " + Arrays.toString(sizes));
      }
    }
    sizes = sizes.clone();
    weights = deepCopy(weights);
    biases = deepCopy(biases);
  }

  /**
   * A network with Glorot-uniform weights and zero biases, reproducible from {@code seed}.
   *
   * @param sizes layer widths, input first
   */
  public static DenseNetwork initialised(int[] sizes, Activation activation, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[][] w = new float[sizes.length - 1][];
    float[][] b = new float[sizes.length - 1][];
    for (int l = 0; l < w.length; l++) {
      double limit = Math.sqrt(6.0 / (sizes[l] + sizes[l + 1]));
      w[l] = new float[sizes[l + 1] * sizes[l]];
      for (int i = 0; i < w[l].length; i++) {
        w[l][i] = (float) random.nextDouble(-limit, limit);
      }
      b[l] = new float[sizes[l + 1]];
    }
    return new DenseNetwork(sizes, activation, w, b);
  }

  public int inputs() {
    return sizes[0];
  }

  public int outputs() {
    return sizes[sizes.length - 1];
  }

  /** Number of trainable numbers. */
  public int parameterCount() {
    int n = 0;
    for (int l = 0; l < weights.length; l++) {
      n += weights[l].length + biases[l].length;
    }
    return n;
  }

  /** Outputs for each row of {@code rows} (N × inputs), as N × outputs. */
  public double[][] forward(double[][] rows) {
    double[][] out = new double[rows.length][];
    Workspace ws = new Workspace();
    for (int i = 0; i < rows.length; i++) {
      out[i] = forward(rows[i], ws).clone();
    }
    return out;
  }

  /** Output column {@code j} for each row (e.g. the single output of an NPLM network). */
  public double[] forwardColumn(double[][] rows, int j) {
    double[] out = new double[rows.length];
    Workspace ws = new Workspace();
    for (int i = 0; i < rows.length; i++) {
      out[i] = forward(rows[i], ws)[j];
    }
    return out;
  }

  private double[] forward(double[] x, Workspace ws) {
    if (x.length != sizes[0]) {
      throw new IllegalArgumentException("expected " + sizes[0] + " inputs, got " + x.length);
    }
    double[] in = x;
    for (int l = 0; l < weights.length; l++) {
      int nIn = sizes[l];
      int nOut = sizes[l + 1];
      double[] out = ws.layer(l, nOut);
      float[] w = weights[l];
      float[] b = biases[l];
      boolean hidden = l < weights.length - 1;
      for (int j = 0; j < nOut; j++) {
        double sum = b[j];
        int row = j * nIn;
        for (int i = 0; i < nIn; i++) {
          sum += w[row + i] * in[i];
        }
        out[j] = hidden ? activation.apply(sum) : sum;
      }
      in = out;
    }
    return in;
  }

  /** A copy whose weights (not biases) are clipped to [−limit, limit]. */
  public DenseNetwork clipped(double limit) {
    float[][] w = deepCopy(weights);
    for (float[] layer : w) {
      for (int i = 0; i < layer.length; i++) {
        layer[i] = (float) Math.max(-limit, Math.min(limit, layer[i]));
      }
    }
    return new DenseNetwork(sizes, activation, w, biases);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DenseNetwork n
        && Arrays.equals(sizes, n.sizes)
        && activation == n.activation
        && Arrays.deepEquals(weights, n.weights)
        && Arrays.deepEquals(biases, n.biases);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(sizes) * 31 + Arrays.deepHashCode(weights);
  }

  @Override
  public String toString() {
    return "DenseNetwork" + Arrays.toString(sizes) + " " + activation;
  }

  private static float[][] deepCopy(float[][] a) {
    float[][] c = new float[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }

  /** Reused layer buffers of one forward pass loop. */
  private final class Workspace {
    private final double[][] layers = new double[weights.length][];

    double[] layer(int l, int n) {
      if (layers[l] == null) {
        layers[l] = new double[n];
      }
      return layers[l];
    }
  }
}
