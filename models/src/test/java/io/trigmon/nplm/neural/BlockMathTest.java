package io.trigmon.nplm.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Vector API kernels of the plain-Java NPLM loss against the scalar ones, on a ragged length
 * (not a multiple of the lanes) and arguments spanning the sigmoid's range. The test JVM runs with
 * the Vector API module (the build's argLine), so both implementations load.
 */
class BlockMathTest {

  private static final int M = 203;
  private static final BlockMath SCALAR = new ScalarBlockMath();
  private static final BlockMath VECTOR = new VectorBlockMath();

  private static double[] values(long seed, double scale) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] v = new double[M + 7];
    for (int i = 0; i < v.length; i++) {
      v[i] = scale * random.nextGaussian();
    }
    return v;
  }

  @Test
  void sigmoidAndExpAgreeToRounding() {
    double[] z = values(1, 8);
    double[] s = z.clone();
    double[] v = z.clone();
    SCALAR.sigmoid(s, M);
    VECTOR.sigmoid(v, M);
    double[] es = new double[M];
    double[] ev = new double[M];
    SCALAR.exp(z, es, M);
    VECTOR.exp(z, ev, M);
    for (int b = 0; b < M; b++) {
      assertThat(v[b]).isCloseTo(s[b], within(1e-15));
      assertThat(ev[b]).isCloseTo(es[b], within(1e-14 * es[b]));
    }
    assertThat(v[M]).as("past m untouched").isEqualTo(z[M]);
  }

  @Test
  void reductionsAgreeToRounding() {
    double[] a = values(2, 1);
    double[] x = values(3, 1);
    assertThat(VECTOR.dot(a, x, 5, M)).isCloseTo(SCALAR.dot(a, x, 5, M), within(1e-12));
    assertThat(VECTOR.sum(a, M)).isCloseTo(SCALAR.sum(a, M), within(1e-12));
  }

  @Test
  void axpyAndSigmoidSlopeAgreeToRounding() {
    double[] x = values(4, 1);
    double[] a = values(5, 0.2);
    double[] zs = values(6, 1);
    double[] zv = zs.clone();
    SCALAR.axpy(0.7, x, 3, zs, M);
    VECTOR.axpy(0.7, x, 3, zv, M);
    double[] gs = zs.clone();
    double[] gv = zs.clone();
    SCALAR.timesSigmoidSlope(gs, a, M);
    VECTOR.timesSigmoidSlope(gv, a, M);
    for (int b = 0; b < M; b++) {
      assertThat(zv[b]).isCloseTo(zs[b], within(1e-15));
      assertThat(gv[b]).isCloseTo(gs[b], within(1e-15));
    }
    assertThat(zv[M]).as("past m untouched").isEqualTo(zs[M]);
  }
}
