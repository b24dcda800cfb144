package io.trigmon.nplm;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RowKernels} with the Vector API ({@code jdk.incubator.vector}), on {@link DoubleLanes}'
 * 256-bit vectors of 4 doubles whatever the machine's widest (so the result does not depend on it):
 * the dot product's eight partial sums are the lanes of two vector accumulators, lane k of the
 * first holding s_k and of the second s_{4+k}, each step a lane-wise multiply, then add — the
 * scalar code's arithmetic, eight elements per step. Load only through {@link RowKernels#select()},
 * which checks that the module is there.
 */
final class VectorRowKernels implements RowKernels {

  private static final VectorSpecies<Double> S = DoubleLanes.SPECIES;

  @Override
  public double dot(double[] x, int offset, double[] y, int n) {
    DoubleVector low = DoubleVector.zero(S); // s0 … s3
    DoubleVector high = DoubleVector.zero(S); // s4 … s7
    int j = 0;
    for (; j + 7 < n; j += 8) {
      int o = offset + j;
      low = low.add(DoubleVector.fromArray(S, x, o).mul(DoubleVector.fromArray(S, y, j)));
      high = high.add(DoubleVector.fromArray(S, x, o + 4).mul(DoubleVector.fromArray(S, y, j + 4)));
    }
    double s0 = low.lane(0);
    for (; j < n; j++) {
      s0 += x[offset + j] * y[j];
    }
    return ((s0 + low.lane(1)) + (low.lane(2) + low.lane(3)))
        + ((high.lane(0) + high.lane(1)) + (high.lane(2) + high.lane(3)));
  }

  @Override
  public void addScaled(double[] target, double s, double[] x, int offset, int n) {
    DoubleVector scale = DoubleVector.broadcast(S, s);
    int j = 0;
    for (; j < S.loopBound(n); j += S.length()) {
      DoubleVector.fromArray(S, target, j)
          .add(DoubleVector.fromArray(S, x, offset + j).mul(scale))
          .intoArray(target, j);
    }
    for (; j < n; j++) {
      target[j] += s * x[offset + j];
    }
  }
}
