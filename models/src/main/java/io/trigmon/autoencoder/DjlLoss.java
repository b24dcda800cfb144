package io.trigmon.autoencoder;

import ai.djl.ndarray.NDArray;

/** The training objective's terms as differentiable DJL operations. */
final class DjlLoss {

  private static final float EPSILON = 1e-12f;

  private DjlLoss() {}

  /**
   * Per-event {@link ReconstructionError}: Σ mask·(x̂ − x)² / Σ mask over the 57 features (the
   * feature mask is 1 for the three numbers of each real object), shape (n).
   */
  static NDArray maskedError(NDArray reconstruction, NDArray x, NDArray featureMask) {
    return reconstruction
        .sub(x)
        .square()
        .mul(featureMask)
        .sum(new int[] {1})
        .div(featureMask.sum(new int[] {1}));
  }

  /**
   * dCor²(s, ν) over a mini-batch, as {@link DistanceCorrelation#squared} but differentiable in the
   * scores s (n); ν is (n × k) and carries no gradient.
   */
  static NDArray distanceCorrelationSquared(NDArray scores, NDArray nu) {
    long n = scores.getShape().get(0);
    NDArray a = scores.reshape(n, 1).sub(scores.reshape(1, n)).abs();
    NDArray diff = nu.expandDims(1).sub(nu.expandDims(0));
    NDArray b = diff.square().sum(new int[] {2}).sqrt();
    NDArray ca = doublyCentred(a);
    NDArray cb = doublyCentred(b);
    NDArray ab = ca.mul(cb).mean();
    NDArray aa = ca.square().mean();
    NDArray bb = cb.square().mean();
    return ab.div(aa.mul(bb).sqrt().add(EPSILON));
  }

  private static NDArray doublyCentred(NDArray m) {
    return m.sub(m.mean(new int[] {0}, true)).sub(m.mean(new int[] {1}, true)).add(m.mean());
  }
}
