package io.trigmon.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trigmon.nplm.NplmOptions;
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
        REFERENCE_FILE, DATA, options, null, 15, 3, 0.4, 8, load, save, null);
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
