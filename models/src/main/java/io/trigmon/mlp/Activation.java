package io.trigmon.mlp;

import ai.djl.ndarray.NDArray;

/** Activation of the hidden layers of a {@link DenseNetwork} (the output layer is linear). */
public enum Activation {
  TANH {
    @Override
    double apply(double x) {
      return Math.tanh(x);
    }

    @Override
    NDArray apply(NDArray x) {
      return x.tanh();
    }
  },
  SIGMOID {
    @Override
    double apply(double x) {
      return 1.0 / (1.0 + Math.exp(-x));
    }

    @Override
    NDArray apply(NDArray x) {
      return ai.djl.nn.Activation.sigmoid(x);
    }
  },
  /** max(x, 0): the autoencoder's hidden layers. */
  RELU {
    @Override
    double apply(double x) {
      return Math.max(x, 0);
    }

    @Override
    NDArray apply(NDArray x) {
      return ai.djl.nn.Activation.relu(x);
    }
  };

  abstract double apply(double x);

  abstract NDArray apply(NDArray x);
}
