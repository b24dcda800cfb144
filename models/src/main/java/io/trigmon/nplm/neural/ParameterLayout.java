package io.trigmon.nplm.neural;

import io.trigmon.mlp.Activation;
import io.trigmon.mlp.DenseNetwork;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The flat parameter vector θ = [network, ν_shapes, ν_N] that the optimisers step, shared by both
 * implementations of the loss ({@link NeuralNplmLoss} with DJL, {@link JavaNplmLoss} in plain
 * Java): where each weight sits, the weight-clipping box, the start point, the trained network and
 * ν read back from θ, and the Gaussian constraint on ν.
 *
 * <p>Network part: per layer the weights as an (inputs × outputs) row-major matrix, then the
 * biases. With {@code withNetwork} false, f ≡ 0 and θ holds only ν (the Δ fit).
 */
final class ParameterLayout {

  private final int[] sizes;
  private final boolean withNetwork;
  private final NeuralNplmProblem problem;

  ParameterLayout(int[] sizes, boolean withNetwork, NeuralNplmProblem problem) {
    this.sizes = sizes.clone();
    this.withNetwork = withNetwork;
    this.problem = problem;
  }

  /** Layer widths, input first. */
  int[] sizes() {
    return sizes.clone();
  }

  boolean withNetwork() {
    return withNetwork;
  }

  /** Number of entries of θ. */
  int dimension() {
    return networkParameters() + problem.aux().length;
  }

  /** Entries of θ that belong to the network (0 for the Δ fit). */
  int networkParameters() {
    if (!withNetwork) {
      return 0;
    }
    int count = 0;
    for (int l = 0; l < sizes.length - 1; l++) {
      count += (sizes[l] + 1) * sizes[l + 1];
    }
    return count;
  }

  /** Offset in θ of layer l's weight matrix (its biases follow it). */
  int weightOffset(int layer) {
    int at = 0;
    for (int l = 0; l < layer; l++) {
      at += (sizes[l] + 1) * sizes[l + 1];
    }
    return at;
  }

  /** θ of the reference hypothesis' start: the given network (output layer zero), ν = 0. */
  double[] start(DenseNetwork initial) {
    double[] theta = new double[dimension()];
    if (withNetwork) {
      for (int l = 0; l < sizes.length - 1; l++) {
        int in = sizes[l];
        int out = sizes[l + 1];
        int at = weightOffset(l);
        float[] w = initial.weights()[l]; // (out × in) row-major
        for (int i = 0; i < in; i++) {
          for (int o = 0; o < out; o++) {
            theta[at + i * out + o] = w[o * in + i];
          }
        }
        for (int o = 0; o < out; o++) {
          theta[at + in * out + o] = initial.biases()[l][o];
        }
      }
    }
    return theta;
  }

  /** Lower bounds on θ: −W on the network's weights, none elsewhere. */
  double[] lowerBounds(double clip) {
    double[] lo = new double[dimension()];
    Arrays.fill(lo, Double.NEGATIVE_INFINITY);
    forEachWeight(i -> lo[i] = -clip);
    return lo;
  }

  /** Upper bounds on θ: +W on the network's weights, none elsewhere. */
  double[] upperBounds(double clip) {
    double[] hi = new double[dimension()];
    Arrays.fill(hi, Double.POSITIVE_INFINITY);
    forEachWeight(i -> hi[i] = clip);
    return hi;
  }

  /** The network part of θ as an immutable network (weights rounded to float). */
  DenseNetwork network(double[] theta) {
    int layers = sizes.length - 1;
    float[][] w = new float[layers][];
    float[][] b = new float[layers][];
    for (int l = 0; l < layers; l++) {
      int in = sizes[l];
      int out = sizes[l + 1];
      int at = weightOffset(l);
      w[l] = new float[in * out];
      b[l] = new float[out];
      if (!withNetwork) {
        continue;
      }
      for (int i = 0; i < in; i++) {
        for (int o = 0; o < out; o++) {
          w[l][o * in + i] = (float) theta[at + i * out + o];
        }
      }
      for (int o = 0; o < out; o++) {
        b[l][o] = (float) theta[at + in * out + o];
      }
    }
    return new DenseNetwork(sizes, Activation.SIGMOID, w, b);
  }

  /** ν part of θ: shape nuisances, then the normalisation when present. */
  double[] nuisances(double[] theta) {
    return Arrays.copyOfRange(theta, networkParameters(), theta.length);
  }

  /** Σ_j [(ν_j − a_j)² − a_j²]/2 over the constrained ν, adding its gradient. */
  double constraint(double[] theta, double[] gradient) {
    int offset = networkParameters();
    double[] aux = problem.aux();
    double sum = 0;
    for (int j = 0; j < aux.length; j++) {
      if (j < problem.shapes() || problem.normConstrained()) {
        double nu = theta[offset + j];
        sum += ((nu - aux[j]) * (nu - aux[j]) - aux[j] * aux[j]) / 2;
        gradient[offset + j] += nu - aux[j];
      }
    }
    return sum;
  }

  private void forEachWeight(IntConsumer action) {
    if (!withNetwork) {
      return;
    }
    for (int l = 0; l < sizes.length - 1; l++) {
      int at = weightOffset(l);
      int weights = sizes[l] * sizes[l + 1];
      for (int i = 0; i < weights; i++) {
        action.accept(at + i);
      }
    }
  }
}
