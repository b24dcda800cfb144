package io.trigmon.mlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ActivationTest {

  @Test
  void tanhAgreesWithMathTanhToRoundOff() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 100_000; i++) {
      double x = random.nextDouble(-25, 25) * Math.pow(10, -random.nextInt(10));
      assertThat(Activation.TANH.apply(x)).as("x = %s", x).isCloseTo(Math.tanh(x), within(3e-16));
    }
  }

  @Test
  void tanhIsOddAndSaturates() {
    assertThat(Activation.TANH.apply(0.0)).isZero();
    assertThat(Activation.TANH.apply(-0.7)).isEqualTo(-Activation.TANH.apply(0.7));
    assertThat(Activation.TANH.apply(800)).isEqualTo(1.0);
    assertThat(Activation.TANH.apply(-800)).isEqualTo(-1.0);
    assertThat(Activation.TANH.apply(Double.NaN)).isNaN();
  }
}
