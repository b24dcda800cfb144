package io.trigmon.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class CalibrationTest {

  private static final Calibration CALIBRATION =
      Calibration.of(Map.of(0.0, new ChiSquaredDistribution(new Well19937c(3), 10).sample(1000)));

  @Test
  void pIsTheFractionOfToysAboveWhereToysSuffice() {
    double[] toys = CALIBRATION.allToys();
    double t = toys[899]; // 101 toys at or above it
    assertThat(CALIBRATION.pValue(t)).isCloseTo(101 / 1000.0, within(1e-12));
  }

  @Test
  void pIsTheFittedChiSquareTailBeyondTheToys() {
    double t = 60;
    assertThat(CALIBRATION.pValue(t))
        .isCloseTo(Math.exp(ZScore.logChiSquareTail(t, CALIBRATION.dof())), within(1e-20));
    assertThat(CALIBRATION.pValue(t)).isLessThan(1e-3);
  }

  @Test
  void tBelowAlmostEveryToyGetsTheChiSquarePAndAFiniteZ() {
    double t = CALIBRATION.allToys()[3]; // 997 of 1000 toys at or above it
    double chiSquareP = Math.exp(ZScore.logChiSquareTail(t, CALIBRATION.dof()));
    assertThat(CALIBRATION.pValue(t)).isCloseTo(chiSquareP, within(1e-12)).isLessThan(1);
    assertThat(CALIBRATION.z(t)).isNegative().isGreaterThan(-10);
  }

  @Test
  void zIsTheInverseNormalUpperTailOfP() {
    double t = 60;
    assertThat(CALIBRATION.z(t)).isCloseTo(ZScore.fromP(CALIBRATION.pValue(t)), within(1e-9));
    assertThat(CALIBRATION.z(0)).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void zGrowsWithT() {
    double previous = Double.NEGATIVE_INFINITY;
    for (double t = 1; t < 400; t *= 1.3) {
      double z = CALIBRATION.z(t);
      assertThat(z).as("Z(%f)", t).isGreaterThanOrEqualTo(previous);
      previous = z;
    }
  }
}
