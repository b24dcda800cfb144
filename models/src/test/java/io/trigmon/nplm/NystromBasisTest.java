package io.trigmon.nplm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NystromBasisTest {

  /** The kernel row, computed for all centres at once, is each kernel value, bit for bit. */
  @Test
  void kernelRowIsTheKernelOfEachCentre() {
    SplittableRandom random = new SplittableRandom(93);
    int dimension = 5;
    double[][] centres = new double[37][dimension];
    for (double[] c : centres) {
      for (int j = 0; j < dimension; j++) {
        c[j] = random.nextGaussian();
      }
    }
    NystromBasis basis = new NystromBasis(centres, 0.8);
    double[] row = new double[centres.length];
    for (int i = 0; i < 500; i++) {
      double[] x = new double[dimension];
      for (int j = 0; j < dimension; j++) {
        x[j] = 2 * random.nextGaussian();
      }
      basis.kernelRow(x, row);
      for (int m = 0; m < centres.length; m++) {
        assertThat(Double.doubleToRawLongBits(row[m]))
            .as("event %d, centre %d", i, m)
            .isEqualTo(Double.doubleToRawLongBits(basis.kernel(x, centres[m])));
      }
    }
  }
}
