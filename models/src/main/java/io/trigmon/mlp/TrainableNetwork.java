package io.trigmon.mlp;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * The DJL (PyTorch) counterpart of a {@link DenseNetwork}, with gradients attached to its weights,
 * for training. Weights are held as (inputs × outputs) matrices so that a batch (N × inputs) maps
 * to (N × outputs) with one matrix product per layer. {@link #snapshot()} returns the trained
 * network for plain-Java inference.
 */
public final class TrainableNetwork implements AutoCloseable {

  private final NDManager manager;
  private final int[] sizes;
  private final Activation activation;
  private final NDArray[] weights;
  private final NDArray[] biases;

  private TrainableNetwork(NDManager manager, DenseNetwork initial) {
    this.manager = manager;
    this.sizes = initial.sizes();
    this.activation = initial.activation();
    int layers = sizes.length - 1;
    weights = new NDArray[layers];
    biases = new NDArray[layers];
    for (int l = 0; l < layers; l++) {
      float[] transposed = transpose(initial.weights()[l], sizes[l + 1], sizes[l]);
      weights[l] = manager.create(transposed, new Shape(sizes[l], sizes[l + 1]));
      biases[l] = manager.create(initial.biases()[l]);
      weights[l].setRequiresGradient(true);
      biases[l].setRequiresGradient(true);
    }
  }

  /** Copies {@code initial} into NDArrays owned by a new sub-manager of {@code parent}. */
  public static TrainableNetwork of(NDManager parent, DenseNetwork initial) {
    return new TrainableNetwork(parent.newSubManager(), initial);
  }

  /** Network outputs (N × outputs) for a batch {@code x} (N × inputs, float32). */
  public NDArray forward(NDArray x) {
    NDArray h = x;
    for (int l = 0; l < weights.length; l++) {
      h = h.matMul(weights[l]).add(biases[l]);
      if (l < weights.length - 1) {
        h = apply(activation, h);
      }
    }
    return h;
  }

  /** The trainable arrays, weights and biases of every layer. */
  public List<NDArray> parameters() {
    List<NDArray> all = new ArrayList<>();
    for (int l = 0; l < weights.length; l++) {
      all.add(weights[l]);
      all.add(biases[l]);
    }
    return all;
  }

  /** Clips every weight (not the biases) to [−limit, limit] in place: the NPLM weight clipping. */
  public void clipWeights(double limit) {
    // In a scope: clip() makes scalar arrays for its bounds on the operand's manager.
    try (NDManager scope = manager.newSubManager()) {
      scope.tempAttachAll(weights);
      for (NDArray w : weights) {
        w.subi(w.sub(w.clip(-limit, limit)));
      }
    }
  }

  /** The current weights as an immutable network. */
  public DenseNetwork snapshot() {
    int layers = weights.length;
    float[][] w = new float[layers][];
    float[][] b = new float[layers][];
    for (int l = 0; l < layers; l++) {
      w[l] = transpose(weights[l].toFloatArray(), sizes[l], sizes[l + 1]);
      b[l] = biases[l].toFloatArray();
    }
    return new DenseNetwork(sizes, activation, w, b);
  }

  /** Overwrites the weights with those of {@code network} (same shape), e.g. the best epoch. */
  public void restore(DenseNetwork network) {
    for (int l = 0; l < weights.length; l++) {
      weights[l].set(transpose(network.weights()[l], sizes[l + 1], sizes[l]));
      biases[l].set(network.biases()[l]);
    }
  }

  @Override
  public void close() {
    manager.close();
  }

  /** Transposes a row-major (rows × cols) matrix. */
  private static float[] transpose(float[] m, int rows, int cols) {
    float[] t = new float[m.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        t[c * rows + r] = m[r * cols + c];
      }
    }
    return t;
  }

  /** The activation on an NDArray (kept out of {@link Activation}, which must not need DJL). */
  private static NDArray apply(Activation activation, NDArray x) {
    return switch (activation) {
      case TANH -> x.tanh();
      case SIGMOID -> ai.djl.nn.Activation.sigmoid(x);
      case RELU -> ai.djl.nn.Activation.relu(x);
    };
  }
}
