package io.trigmon.nuisance;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * Per-event loss of the δ̂ classifier with s = r̂/(1+r̂) = sigmoid(log r̂). Both are minimised
 * pointwise by s = n1/(n0+n1), i.e. r̂ = n(x|R_ν)/n(x|R0) (DESIGN §4).
 */
public enum DeltaLoss {
  /** Weighted cross-entropy: −log(1−s) on S0, −log s on S1 (softplus of ±log r̂, stable). */
  CROSS_ENTROPY {
    @Override
    NDArray nominal(NDArray logRatio) {
      return Activation.softPlus(logRatio);
    }

    @Override
    NDArray varied(NDArray logRatio) {
      return Activation.softPlus(logRatio.neg());
    }
  },
  /** Quadratic (Brier) loss: s² on S0, (1−s)² on S1, as in the papers' δ̂ training. */
  QUADRATIC {
    @Override
    NDArray nominal(NDArray logRatio) {
      return Activation.sigmoid(logRatio).square();
    }

    @Override
    NDArray varied(NDArray logRatio) {
      return Activation.sigmoid(logRatio.neg()).square();
    }
  };

  /** Loss of a nominal (label 0) event with log r̂ = {@code logRatio}. */
  abstract NDArray nominal(NDArray logRatio);

  /** Loss of a varied (label 1) event; 1 − sigmoid(z) = sigmoid(−z). */
  abstract NDArray varied(NDArray logRatio);
}
