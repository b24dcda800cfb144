package io.trigmon.nplm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.trigmon.mlp.ForwardPasses;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Both kernels give the same doubles, bit for bit, so a window's test does not depend on them. */
class RowKernelsTest {

  private static double[] gaussians(SplittableRandom random, int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      // magnitudes over many orders, so that every rounding of the sums shows
      x[i] = random.nextGaussian() * Math.exp(4 * random.nextGaussian());
    }
    return x;
  }

  private static RowKernels vector() {
    assumeTrue(
        ForwardPasses.vectorApiAvailable() && DoubleLanes.inHardware(),
        "needs --add-modules jdk.incubator.vector and 256-bit vectors");
    return new VectorRowKernels();
  }

  @Test
  void dotProductsAgreeBitForBit() {
    RowKernels vector = vector();
    RowKernels scalar = new ScalarRowKernels();
    SplittableRandom random = new SplittableRandom(91);
    for (int n = 0; n <= 130; n++) {
      double[] y = gaussians(random, n);
      double[] x = gaussians(random, 3 * n + 7);
      for (int offset : new int[] {0, 1, n + 3, 2 * n + 7}) {
        assertThat(Double.doubleToRawLongBits(vector.dot(x, offset, y, n)))
            .as("n %d, offset %d", n, offset)
            .isEqualTo(Double.doubleToRawLongBits(scalar.dot(x, offset, y, n)));
      }
    }
  }

  @Test
  void scaledAdditionsAgreeBitForBit() {
    RowKernels vector = vector();
    RowKernels scalar = new ScalarRowKernels();
    SplittableRandom random = new SplittableRandom(92);
    for (int n = 0; n <= 130; n++) {
      double[] x = gaussians(random, 2 * n + 5);
      double[] a = gaussians(random, n);
      double[] b = a.clone();
      for (int step = 0; step < 20; step++) {
        double s = random.nextGaussian();
        int offset = random.nextInt(n + 6);
        vector.addScaled(a, s, x, offset, n);
        scalar.addScaled(b, s, x, offset, n);
      }
      assertThat(a).as("n %d", n).isEqualTo(b);
    }
  }

  @Test
  void selectsTheVectorKernelsWhereTheyRun() {
    assumeTrue(ForwardPasses.useVectorApi() && DoubleLanes.inHardware());
    assertThat(RowKernels.select()).isInstanceOf(VectorRowKernels.class);
  }
}
