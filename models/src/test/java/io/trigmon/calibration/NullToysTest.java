package io.trigmon.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.trigmon.nplm.KernelNplm;
import io.trigmon.nplm.NplmOptions;
import io.trigmon.nuisance.NuisanceTerms;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NullToysTest {

  private static double[][] gaussian(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] x = new double[n][5];
    for (double[] row : x) {
      for (int j = 0; j < 5; j++) {
        row[j] =
            Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
                * Math.cos(2 * Math.PI * random.nextDouble());
      }
    }
    return x;
  }

  private static final double[][] REFERENCE = gaussian(3000, 1);
  private static final double[][] POOL = gaussian(3000, 2);
  private static final KernelNplm NPLM =
      KernelNplm.prepare(REFERENCE, NuisanceTerms.none(), KernelNplm.protocol(REFERENCE, 30, 3));

  @Test
  void nullToysFollowAChiSquareWhoseDofIsTheirMean() {
    NullToys toys = new NullToys(NPLM, POOL, NuisanceTerms.none(), NplmOptions.expected(500), 0);
    double[] t = toys.run(50, 0, 4);
    ChiSquareFit fit = ChiSquareFit.of(t);
    double mean = Arrays.stream(t).average().orElseThrow();
    // For a χ², mean = dof with a standard error sqrt(2 dof / 50).
    assertThat(mean).isCloseTo(fit.dof(), within(3 * Math.sqrt(2 * fit.dof() / 50)));
    assertThat(fit.ksPValue()).isGreaterThan(0.01);
  }

  @Test
  void toysAreReproducibleFromTheirSeed() {
    NullToys toys = new NullToys(NPLM, POOL, NuisanceTerms.none(), NplmOptions.shapeOnly(), 400);
    assertThat(toys.run(3, 0, 9)).containsExactly(toys.run(3, 0, 9));
  }

  @Test
  void calibrationHoldsToysPerGeneratedNuisanceValue() {
    NullToys toys = new NullToys(NPLM, POOL, NuisanceTerms.none(), NplmOptions.shapeOnly(), 300);
    Calibration calibration = toys.calibrate(5, List.of(0.0, 1.0, -1.0), 5);
    assertThat(calibration.toys()).containsOnlyKeys(0.0, 1.0, -1.0);
    assertThat(calibration.allToys()).hasSize(15);
  }
}
