package io.trigmon.mlp;

/**
 * Activation of the hidden layers of a {@link DenseNetwork} (the output layer is linear). Plain
 * Java only: inference (the Flink job, δ̂ models) must load without DJL on the class path; the DJL
 * form used in training is {@link TrainableNetwork}'s.
 */
public enum Activation {
  /**
   * tanh from the {@code Math.exp} intrinsic, 1 − 2/(e^{2|x|} + 1) with the sign of x: absolute
   * error below 3·10⁻¹⁶ (all a network layer sees). {@code Math.tanh} is not an intrinsic on Java
   * 17 (it runs StrictMath's fdlibm code); a profile of the δ̂ model in the monitor's window test
   * found it taking about half of that test's CPU.
   */
  TANH {
    @Override
    double apply(double x) {
      double magnitude = 1 - 2 / (Math.exp(2 * Math.abs(x)) + 1);
      return Math.copySign(magnitude, x);
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
