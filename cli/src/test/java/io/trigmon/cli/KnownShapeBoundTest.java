package io.trigmon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KnownShapeBoundTest {

  @Test
  void oneBinAsimovIsTheCountingFormula() {
    double[] background = new double[100];
    Arrays.fill(background, 152.0);
    double[] signal = new double[10];
    Arrays.fill(signal, 153.0);
    double b = 100;
    double s = 25;
    KnownShapeBound bound = KnownShapeBound.of(background, signal, 100, b, s, 200, 1);
    double expected = Math.sqrt(2 * ((s + b) * Math.log(1 + s / b) - s));
    assertThat(bound.asimovZ()).isCloseTo(expected, within(1e-6));
    // toys scatter around the Asimov value: the median within a few binomial errors of it
    assertThat(bound.medianZ()).isCloseTo(expected, within(0.3));
  }

  @Test
  void signalWhereTheBackgroundSampleIsEmptyIsAStrongExcess() {
    double[] background = new double[50];
    Arrays.fill(background, 120.0);
    double[] signal = new double[5];
    Arrays.fill(signal, 700.0);
    // 1000 background events from 50 sample events: the empty bin at 700 GeV holds 10
    KnownShapeBound bound = KnownShapeBound.of(background, signal, 100, 1000, 30, 50, 2);
    double b = 10;
    double s = 30;
    assertThat(bound.asimovZ())
        .isCloseTo(Math.sqrt(2 * ((s + b) * Math.log(1 + s / b) - s)), within(1e-6));
  }
}
