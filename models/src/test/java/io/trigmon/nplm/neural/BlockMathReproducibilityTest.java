package io.trigmon.nplm.neural;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link VectorBlockMath} gives the same bits whether HotSpot interprets or compiles it: the same
 * results before and after a loop long enough for C2 to compile and inline the kernels (the first
 * call runs in the interpreter, or C1, when this class runs first in its JVM), and those results
 * equal, bit for bit, the same arithmetic written lane by lane in scalar Java, which Java defines
 * to the bit whatever the compiler. Before the fix, {@code lanewise(EXP)} compiled to the vector
 * math library and its results changed after the warm-up on ≈ 5 % of the exponentials.
 */
class BlockMathReproducibilityTest {

  private static final int M = 203; // a ragged block: 50 vectors of 4 lanes and a tail of 3
  private static final int WARM_UP = 200_000;
  private static final int L = VectorBlockMath.S.length();
  private static final BlockMath VECTOR = new VectorBlockMath();

  @Test
  void vectorKernelsGiveTheSameBitsBeforeAndAfterCompilation() {
    double[][] in = inputs(11);
    double[] before = results(in);
    double[][] other = inputs(12);
    double sink = 0;
    for (int i = 0; i < WARM_UP; i++) {
      sink += runAll(other);
    }
    assertThat(sink).isNotNaN();
    assertThat(results(in)).as("after the warm-up").isEqualTo(before);
    assertMatchesReference(in);
  }

  @Test
  void vectorExpIsWithinTwoUlpOfMathExpOverItsWholeRange() {
    double[] x = {
      -1e300,
      -746,
      -745.2,
      -745.1,
      -740,
      -709,
      -708.4,
      -100,
      -1,
      -1e-300,
      0,
      1e-17,
      0.3465,
      0.5,
      1,
      20,
      700,
      709.78,
      709.79,
      709.8,
      1e300,
      Double.NEGATIVE_INFINITY,
      Double.POSITIVE_INFINITY
    };
    for (double v : x) {
      double[] lanes = new double[L];
      java.util.Arrays.fill(lanes, v);
      VectorExp.exp(1, lanes, lanes, L);
      double expected = Math.exp(v);
      if (expected == 0 || Double.isInfinite(expected)) {
        assertThat(lanes[0]).as("e^%s", v).isEqualTo(expected);
      } else {
        assertThat(Math.abs(lanes[0] - expected))
            .as("e^%s", v)
            .isLessThanOrEqualTo(2 * Math.ulp(expected));
      }
    }
    SplittableRandom random = new SplittableRandom(13);
    double[] u = new double[M];
    for (int b = 0; b < M; b++) {
      u[b] = 40 * random.nextGaussian();
    }
    double[] out = new double[M];
    VECTOR.exp(u, out, M);
    for (int b = 0; b < M; b++) {
      double expected = Math.exp(u[b]);
      assertThat(Math.abs(out[b] - expected)).isLessThanOrEqualTo(2 * Math.ulp(expected));
    }
    double[] nan = new double[L];
    java.util.Arrays.fill(nan, Double.NaN);
    VectorExp.exp(1, nan, nan, L);
    assertThat(nan[0]).isNaN();
  }

  /** a, x, sigmoid and exp arguments. */
  private static double[][] inputs(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] in = new double[4][M + 5];
    for (int j = 0; j < in.length; j++) {
      for (int b = 0; b < in[j].length; b++) {
        in[j][b] = (j < 2 ? 1 : 6) * random.nextGaussian();
      }
    }
    return in;
  }

  private static double runAll(double[][] in) {
    double[] z = in[2].clone();
    double[] e = new double[M];
    VECTOR.sigmoid(z, M);
    VECTOR.exp(in[3], e, M);
    return VECTOR.dot(in[0], in[1], 5, M) + VECTOR.sum(in[0], M) + z[M - 1] + e[M - 1];
  }

  /** sigmoid, exp, dot and sum of the inputs, concatenated. */
  private static double[] results(double[][] in) {
    double[] z = in[2].clone();
    double[] out = new double[2 * M + 2];
    VECTOR.sigmoid(z, M);
    System.arraycopy(z, 0, out, 0, M);
    double[] e = new double[M];
    VECTOR.exp(in[3], e, M);
    System.arraycopy(e, 0, out, M, M);
    out[2 * M] = VECTOR.dot(in[0], in[1], 5, M);
    out[2 * M + 1] = VECTOR.sum(in[0], M);
    return out;
  }

  private static void assertMatchesReference(double[][] in) {
    double[] out = results(in);
    int vectorEnd = M - M % L;
    for (int b = 0; b < M; b++) {
      double ez = b < vectorEnd ? expSteps(-in[2][b]) : Math.exp(-in[2][b]);
      double eu = b < vectorEnd ? expSteps(in[3][b]) : Math.exp(in[3][b]);
      assertThat(out[b]).as("sigmoid lane %d", b).isEqualTo(1 / (1 + ez));
      assertThat(out[M + b]).as("exp lane %d", b).isEqualTo(eu);
    }
    assertThat(out[2 * M]).as("dot").isEqualTo(dotInLaneOrder(in[0], in[1], 5));
    assertThat(out[2 * M + 1]).as("sum").isEqualTo(dotInLaneOrder(in[0], null, 0));
  }

  /** VectorExp's steps on one double. */
  private static double expSteps(double x) {
    double c = Math.min(Math.max(x, VectorExp.LOW), VectorExp.HIGH);
    double k = Math.fma(c, VectorExp.LOG2E, VectorExp.SHIFTER) - VectorExp.SHIFTER;
    double r = Math.fma(-k, VectorExp.LN2_LO, Math.fma(-k, VectorExp.LN2_HI, c));
    double p = 0;
    for (int i = 13; i >= 0; i--) {
      p = Math.fma(p, r, 1 / factorial(i));
    }
    double k1 = Math.fma(k, 0.5, VectorExp.SHIFTER) - VectorExp.SHIFTER;
    return p * Math.scalb(1.0, (int) k1) * Math.scalb(1.0, (int) (k - k1));
  }

  private static double factorial(int i) {
    double f = 1;
    for (int j = 2; j <= i; j++) {
      f *= j;
    }
    return f;
  }

  /**
   * Σ a[b]·x[off + b] (x null: Σ a[b]) as VectorBlockMath's documented order: lane j accumulates b
   * ≡ j (mod L) by fused multiply-adds, the lanes are added 0 + lane 0 + lane 1 + …, then the tail.
   */
  private static double dotInLaneOrder(double[] a, double[] x, int off) {
    double[] acc = new double[L];
    int vectorEnd = M - M % L;
    for (int b = 0; b < vectorEnd; b++) {
      acc[b % L] = x == null ? acc[b % L] + a[b] : Math.fma(a[b], x[off + b], acc[b % L]);
    }
    double s = 0;
    for (double lane : acc) {
      s += lane;
    }
    for (int b = vectorEnd; b < M; b++) {
      s += x == null ? a[b] : a[b] * x[off + b];
    }
    return s;
  }
}
