package io.trigmon.nplm;

import io.trigmon.mlp.ForwardPasses;

/**
 * The two loops of {@link NplmLoss} over a row of the reference features φ_e (one per reference
 * event, r numbers): the dot product φ_e·v and the scaled addition t += s·φ_e. The truncated Newton
 * solver runs them over all N_R rows for every Hessian–vector product and gradient: they are most
 * of a window test's time (issue 8 profile of the monitor: ~23 % of its CPU).
 *
 * <p>Two implementations that give the same doubles, bit for bit, so a window's τ, Δ, ν̂ and Z do
 * not depend on the JVM: {@link ScalarRowKernels} (plain Java) and {@link VectorRowKernels} (Vector
 * API, about twice as fast per pass over R in isolation), chosen by {@link #select()}. Both sum the
 * dot product in eight partial sums (element j into sum j mod 8, each product rounded before it is
 * added, no fused multiply-add), combined as ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7)).
 */
interface RowKernels {

  /** Σ_{j&lt;n} x[offset + j]·y[j], in the order above. */
  double dot(double[] x, int offset, double[] y, int n);

  /** target[j] += s·x[offset + j] for j &lt; n. */
  void addScaled(double[] target, double s, double[] x, int offset, int n);

  /**
   * The Vector API kernels where {@link ForwardPasses#useVectorApi()} and the machine has 256-bit
   * vectors (AVX2, AVX-512), else plain Java. The Vector API classes are loaded only in the first
   * case.
   */
  static RowKernels select() {
    if (ForwardPasses.useVectorApi() && DoubleLanes.inHardware()) {
      return new VectorRowKernels();
    }
    return new ScalarRowKernels();
  }
}
