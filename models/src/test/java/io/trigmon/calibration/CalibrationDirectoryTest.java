package io.trigmon.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trigmon.store.ModelFileException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationDirectoryTest {

  private static final Calibration CALIBRATION =
      Calibration.of(
          Map.of(
              0.0, new ChiSquaredDistribution(new Well19937c(1), 12).sample(60),
              1.0, new ChiSquaredDistribution(new Well19937c(2), 12).sample(60)));

  @Test
  void roundTripKeepsToysAndFit(@TempDir Path dir) {
    CalibrationDirectory.save(CALIBRATION, dir, "abc", Map.of("method", "kernel"));
    Calibration loaded = CalibrationDirectory.load(dir, "abc");
    assertThat(loaded.allToys()).containsExactly(CALIBRATION.allToys());
    assertThat(loaded.dof()).isEqualTo(CALIBRATION.dof());
    assertThat(CalibrationDirectory.settings(dir)).containsEntry("method", "kernel");
  }

  @Test
  void aCalibrationOfAnotherReferenceIsRefused(@TempDir Path dir) {
    CalibrationDirectory.save(CALIBRATION, dir, "abc", Map.of());
    assertThatThrownBy(() -> CalibrationDirectory.load(dir, "def"))
        .isInstanceOf(ModelFileException.class)
        .hasMessageContaining("belongs to reference abc");
  }

  @Test
  void aCalibrationMadeWithAnotherDeltaModelIsRefused(@TempDir Path dir) {
    CalibrationDirectory.save(
        CALIBRATION, dir, "abc", Map.of(CalibrationDirectory.NUISANCE_SHA256, "d1"));
    assertThat(CalibrationDirectory.load(dir, "abc", "d1").dof()).isEqualTo(CALIBRATION.dof());
    assertThatThrownBy(() -> CalibrationDirectory.load(dir, "abc", "d2"))
        .isInstanceOf(ModelFileException.class)
        .hasMessageContaining("with δ̂ model d1");
    assertThatThrownBy(() -> CalibrationDirectory.load(dir, "abc", null))
        .isInstanceOf(ModelFileException.class)
        .hasMessageContaining("uses none");
  }

  @Test
  void aCalibrationMadeWithoutDeltaModelIsRefusedForATestWithOne(@TempDir Path dir) {
    CalibrationDirectory.save(CALIBRATION, dir, "abc", Map.of());
    assertThat(CalibrationDirectory.load(dir, "abc", null).dof()).isEqualTo(CALIBRATION.dof());
    assertThatThrownBy(() -> CalibrationDirectory.load(dir, "abc", "d1"))
        .isInstanceOf(ModelFileException.class)
        .hasMessageContaining("without a δ̂ model");
  }
}
