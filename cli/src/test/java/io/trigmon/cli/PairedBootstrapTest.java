package io.trigmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/** The paired bootstrap's interval: centred where it should be and as wide as the toys make it. */
class PairedBootstrapTest {

  private static final int DOF = 50;
  private static final int REPLICAS = 100;

  private static double[] chiSquare(int n, long seed) {
    return new ChiSquaredDistribution(new Well19937c(seed), DOF).sample(n);
  }

  @Test
  void equalTestsGiveAnIntervalAroundZeroAsWideAsTheCalibrations() {
    // both methods: χ²(50) nulls of 100 toys each, and the SAME t on every window, so ΔZ comes
    // only from the two calibrations; each shifts Z by ≈ 1/√100 = 0.1, in quadrature ≈ 0.14:
    // a 95 % interval of about ±0.28, well inside (0.1, 1.2) in width
    double[] windows = chiSquare(40, 3);
    PairedBootstrap b =
        PairedBootstrap.of(chiSquare(100, 1), chiSquare(100, 2), windows, windows, REPLICAS, 7);
    assertThat(b.low95()).isLessThan(0);
    assertThat(b.high95()).isGreaterThan(0);
    assertThat(b.high95() - b.low95()).isBetween(0.1, 1.2);
    assertThat(b.replicas()).isEqualTo(REPLICAS);
  }

  @Test
  void fewNullToysWidenTheInterval() {
    // the same windows; B calibrated on 12 instead of 100 toys (±0.29 instead of ±0.1)
    double[] windows = chiSquare(40, 3);
    double[] nullA = chiSquare(100, 1);
    PairedBootstrap many =
        PairedBootstrap.of(nullA, chiSquare(100, 2), windows, windows, REPLICAS, 7);
    PairedBootstrap few =
        PairedBootstrap.of(nullA, chiSquare(12, 2), windows, windows, REPLICAS, 7);
    assertThat(few.high95() - few.low95()).isGreaterThan(1.5 * (many.high95() - many.low95()));
  }

  @Test
  void aClearlyBetterTestLiesAboveZeroInEveryReplica() {
    // A sees every window 20 units of t higher than B (σ of χ²(50) is 10): ΔZ ≈ +1.5 per window
    double[] b = chiSquare(40, 3);
    double[] a = b.clone();
    for (int i = 0; i < a.length; i++) {
      a[i] += 20;
    }
    PairedBootstrap boot =
        PairedBootstrap.of(chiSquare(100, 1), chiSquare(100, 2), a, b, REPLICAS, 7);
    assertThat(boot.median()).isGreaterThan(1);
    assertThat(boot.low95()).isGreaterThan(0);
    assertThat(boot.atLeastZero()).isEqualTo(1.0);
  }

  @Test
  void onlyTheWindowsBothTestedArePaired() {
    // A tested 2 more windows than B, with absurd t: they must not enter the comparison
    double[] b = chiSquare(20, 3);
    double[] a = java.util.Arrays.copyOf(b, 22);
    a[20] = 1e6;
    a[21] = 1e6;
    PairedBootstrap boot =
        PairedBootstrap.of(chiSquare(100, 1), chiSquare(100, 1), a, b, REPLICAS, 7);
    assertThat(boot.median()).isEqualTo(0.0);
    assertThat(boot.high95()).isLessThan(1);
  }
}
