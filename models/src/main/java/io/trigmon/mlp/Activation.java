package io.trigmon.mlp;

/**
 * Activation of the hidden layers of a {@link DenseNetwork} (the output layer is linear). Plain
 * Java only: inference (the Flink job, δ̂ models) must load without DJL on the class path; the DJL
 * form used in training is {@link TrainableNetwork}'s.
 */
public enum Activation {
  TANH {
    @Override
    double apply(double x) {
      return Math.tanh(x);
    }
  },
  SIGMOID {
    @Override
    double apply(double x) {
      return 1.0 / (1.0 + Math.exp(-x));
    }
  },
  /** max(x, 0): the autoencoder's hidden layers. */
  RELU {
    @Override
    double apply(double x) {
      return Math.max(x, 0);
    }
  };

  abstract double apply(double x);
}
