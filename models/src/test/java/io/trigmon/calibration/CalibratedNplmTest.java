package io.trigmon.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.trigmon.nplm.NplmOptions;
import io.trigmon.nplm.neural.NeuralNplmConfig;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibratedNplmTest {

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

  private static final double[][] REFERENCE_FILE = gaussian(2500, 1);
  private static final double[][] DATA = gaussian(250, 2);

  private static CalibratedNplm.Request request(NplmOptions options, Path load, Path save) {
    return new CalibratedNplm.Request(
        REFERENCE_FILE, DATA, options, null, 15, 3, 0.4, 8, load, save, null, null);
  }

  private static CalibratedNplm.Request neural(NplmOptions options, Path load, Path save) {
    return new CalibratedNplm.Request(
        REFERENCE_FILE,
        DATA,
        options,
        null,
        0,
        3,
        0.4,
        8,
        load,
        save,
        null,
        NeuralNplmConfig.defaults().withTolerance(1e-3).withMaxIterations(150));
  }

  @Test
  void theNeuralMethodIsCalibratedWithItsOwnToys() {
    CalibratedNplm.Outcome outcome =
        CalibratedNplm.run(neural(NplmOptions.expected(250).withNormSigma(0.025), null, null));
    assertThat(outcome.result().method()).isEqualTo("nn");
    assertThat(outcome.model()).containsEntry("method", "nn").containsKey("weight_clip");
    double[] toys = outcome.calibration().allToys();
    assertThat(toys).hasSize(8);
    // τ's fit space contains Δ's (f ≡ 0): t ≥ 0 up to the stopping tolerance
    assertThat(java.util.Arrays.stream(toys).min().orElseThrow()).isGreaterThan(-0.01);
    assertThat(outcome.result().t())
        .isCloseTo(outcome.result().tau() - outcome.result().delta(), within(1e-9));
    assertThat(outcome.result().nuHat()).containsOnlyKeys("norm");
    assertThat(outcome.result().z()).isEqualTo(outcome.calibration().z(outcome.result().t()));
  }

  @Test
  void aKernelCalibrationIsRefusedForTheNeuralMethod(@TempDir Path dir) {
    CalibratedNplm.run(request(NplmOptions.expected(250), null, dir));
    assertThatThrownBy(() -> CalibratedNplm.run(neural(NplmOptions.expected(250), dir, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kernel NPLM but this test uses nn");
  }

  @Test
  void selfCalibrationSetsTheToyPoolAside() {
    CalibratedNplm.Outcome outcome =
        CalibratedNplm.run(request(NplmOptions.expected(250), null, null));
    assertThat(outcome.result().nReference()).isEqualTo(1500);
    assertThat(outcome.calibration().allToys()).hasSize(8);
    assertThat(outcome.result().z()).isEqualTo(outcome.calibration().z(outcome.result().t()));
  }

  @Test
  void aSavedCalibrationGivesTheSameZ(@TempDir Path dir) {
    CalibratedNplm.Outcome made = CalibratedNplm.run(request(NplmOptions.expected(250), null, dir));
    CalibratedNplm.Outcome reused =
        CalibratedNplm.run(request(NplmOptions.expected(250), dir, null));
    assertThat(reused.referenceSha256()).isEqualTo(made.referenceSha256());
    assertThat(reused.result().z()).isEqualTo(made.result().z());
  }

  @Test
  void aCalibrationForAnotherExpectedCountIsRefused(@TempDir Path dir) {
    CalibratedNplm.run(request(NplmOptions.expected(250), null, dir));
    assertThatThrownBy(() -> CalibratedNplm.run(request(NplmOptions.expected(300), dir, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("recalibrate");
  }
}
