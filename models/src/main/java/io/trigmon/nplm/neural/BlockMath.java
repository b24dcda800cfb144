package io.trigmon.nplm.neural;

import io.trigmon.mlp.ForwardPasses;
import io.trigmon.nplm.DoubleLanes;

/**
 * The element-wise and reduction loops of {@link JavaNplmLoss} over a block of events: sigmoid and
 * exponential in place, dot product and sum. Two implementations: {@link ScalarBlockMath} (plain
 * Java) and {@link VectorBlockMath} (Vector API), chosen by {@link ForwardPasses#useVectorApi()}.
 *
 * <p>Why a seam: HotSpot does not vectorise {@code Math.exp}, and the 15 sigmoids per event of the
 * 5-5-5-5-1 network are most of the loss's cost in plain Java (measured ≈ 8 ns per scalar sigmoid
 * against ≈ 1–2 ns with the Vector API on 4 double lanes: {@link VectorExp}).
 */
interface BlockMath {

  /** z[b] ← 1 / (1 + e^−z[b]) for b &lt; m. */
  void sigmoid(double[] z, int m);

  /** out[b] ← e^u[b] for b &lt; m. */
  void exp(double[] u, double[] out, int m);

  /** Σ_{b&lt;m} a[b]·x[off + b]. */
  double dot(double[] a, double[] x, int off, int m);

  /** Σ_{b&lt;m} a[b]. */
  double sum(double[] a, int m);

  /** z[b] += w·x[off + b] for b &lt; m. */
  void axpy(double w, double[] x, int off, double[] z, int m);

  /** g[b] *= a[b]·(1 − a[b]) for b &lt; m: the sigmoid's derivative from its output. */
  void timesSigmoidSlope(double[] g, double[] a, int m);

  /**
   * The Vector API implementation where {@link ForwardPasses#useVectorApi()} and 256-bit vectors
   * run in hardware, else plain Java.
   */
  static BlockMath select() {
    return ForwardPasses.useVectorApi() && DoubleLanes.inHardware()
        ? new VectorBlockMath()
        : new ScalarBlockMath();
  }
}
