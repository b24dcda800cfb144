package io.trigmon.nplm.neural;

import io.trigmon.nplm.DoubleLanes;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link BlockMath} with the Vector API ({@code jdk.incubator.vector}): {@link #S}: 4 double lanes,
 * e^x from {@link VectorExp}, one vector accumulator per reduction, a scalar tail. Load only
 * through {@link BlockMath#select()}, which checks that the module is there.
 *
 * <p>Bit-reproducible whether HotSpot interprets or compiles it (a fit must not depend on how warm
 * the JVM is): no {@code lanewise(EXP)}, whose compiled form (the JDK's vector math library) and
 * interpreted form ({@code Math.exp} per lane) differ in the last bit; and {@code
 * reduceLanes(ADD)}, whose order the Vector API leaves open, is checked by {@code
 * BlockMathReproducibilityTest} to add the lanes in order 0, 1, … in both forms.
 */
final class VectorBlockMath implements BlockMath {

  /** {@link DoubleLanes}: the same shape as the kernel NPLM's vectors (why: there). */
  static final VectorSpecies<Double> S = DoubleLanes.SPECIES;

  private static final int L = S.length();

  @Override
  public void sigmoid(double[] z, int m) {
    VectorExp.exp(-1, z, z, m);
    DoubleVector one = DoubleVector.broadcast(S, 1);
    int b = 0;
    for (; b < S.loopBound(m); b += L) {
      one.div(DoubleVector.fromArray(S, z, b).add(1)).intoArray(z, b);
    }
    for (; b < m; b++) {
      z[b] = 1 / (1 + z[b]);
    }
  }

  @Override
  public void exp(double[] u, double[] out, int m) {
    VectorExp.exp(1, u, out, m);
  }

  @Override
  public double dot(double[] a, double[] x, int off, int m) {
    DoubleVector acc = DoubleVector.zero(S);
    int b = 0;
    for (; b < S.loopBound(m); b += L) {
      acc = DoubleVector.fromArray(S, a, b).fma(DoubleVector.fromArray(S, x, off + b), acc);
    }
    double s = acc.reduceLanes(VectorOperators.ADD);
    for (; b < m; b++) {
      s += a[b] * x[off + b];
    }
    return s;
  }

  @Override
  public double sum(double[] a, int m) {
    DoubleVector acc = DoubleVector.zero(S);
    int b = 0;
    for (; b < S.loopBound(m); b += L) {
      acc = acc.add(DoubleVector.fromArray(S, a, b));
    }
    double s = acc.reduceLanes(VectorOperators.ADD);
    for (; b < m; b++) {
      s += a[b];
    }
    return s;
  }

  @Override
  public void axpy(double w, double[] x, int off, double[] z, int m) {
    DoubleVector wv = DoubleVector.broadcast(S, w);
    int b = 0;
    for (; b < S.loopBound(m); b += L) {
      DoubleVector.fromArray(S, x, off + b)
          .fma(wv, DoubleVector.fromArray(S, z, b))
          .intoArray(z, b);
    }
    for (; b < m; b++) {
      z[b] += w * x[off + b];
    }
  }

  @Override
  public void timesSigmoidSlope(double[] g, double[] a, int m) {
    int b = 0;
    for (; b < S.loopBound(m); b += L) {
      DoubleVector av = DoubleVector.fromArray(S, a, b);
      DoubleVector.fromArray(S, g, b).mul(av.mul(av.neg().add(1))).intoArray(g, b);
    }
    for (; b < m; b++) {
      g[b] *= a[b] * (1 - a[b]);
    }
  }
}
