package io.trigmon.mlp;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * An immutable fully connected network: hidden layers with one {@link Activation}, a linear output
 * layer. Inference runs in plain Java ({@link ForwardPass}, no per-call overhead); training happens
 * in {@link TrainableNetwork} with DJL, whose outputs the forward pass reproduces (checked in
 * tests).
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
    double[][] out = new double[rows.length][outputs()];
    forEachTile(
        rows,
        (start, n, y) -> {
          for (int o = 0; o < y.length; o++) {
            for (int e = 0; e < n; e++) {
              out[start + e][o] = y[o][e];
            }
          }
        });
    return out;
  }

  /** Output column {@code j} for each row (e.g. the single output of an NPLM network). */
  public double[] forwardColumn(double[][] rows, int j) {
    double[] out = new double[rows.length];
    forEachTile(
        rows,
        (start, n, y) -> {
          for (int e = 0; e < n; e++) {
            out[start + e] = y[j][e];
          }
        });
    return out;
  }

  /** Runs a {@link ForwardPass} over the rows tile by tile, in float as DJL does. */
  private void forEachTile(double[][] rows, TileOutputs outputs) {
    ForwardPass pass = new ForwardPass(this);
    float[][] in = pass.tileInput();
    for (int start = 0; start < rows.length; start += ForwardPass.TILE) {
      int n = Math.min(ForwardPass.TILE, rows.length - start);
      for (int e = 0; e < n; e++) {
        double[] x = rows[start + e];
        if (x.length != sizes[0]) {
          throw new IllegalArgumentException("expected " + sizes[0] + " inputs, got " + x.length);
        }
        for (int i = 0; i < x.length; i++) {
          in[i][e] = (float) x[i];
        }
      }
      outputs.accept(start, n, pass.forwardTile(n));
    }
  }

  /** Receives the feature-major outputs of events start..start+n. */
  private interface TileOutputs {
    void accept(int start, int n, float[][] outputs);
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
}
