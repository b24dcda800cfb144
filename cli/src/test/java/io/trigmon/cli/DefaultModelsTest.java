package io.trigmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trigmon.calibration.CalibrationDirectory;
import io.trigmon.flink.MonitorModels;
import io.trigmon.nuisance.NuisanceModel;
import io.trigmon.store.ModelDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed default models ({@code models/default}, written by {@code trigmon demo models})
 * open with their manifests' SHA-256 checks, fit together, and stay small.
 */
class DefaultModelsTest {

  private static final Path DIR = DemoIT.defaultModels();

  @Test
  void monitorLoadsThemWithCalibrationAndAutoencoder() {
    MonitorModels models = MonitorModels.load(DIR);
    assertThat(models.calibration()).isNotNull();
    assertThat(models.versions())
        .containsEntry("nplm-kernel", DemoModels.VERSION)
        .containsKey(CalibrationDirectory.KIND)
        .containsEntry("autoencoder", DemoModels.VERSION);
    assertThat(MonitorModels.loadAutoencoder(DIR)).isPresent();
  }

  @Test
  void nuisanceModelIsTheLeptonScale() {
    ModelDirectory.open(DIR.resolve(DemoModels.NUISANCE), NuisanceModel.KIND);
    assertThat(NuisanceModel.load(DIR.resolve(DemoModels.NUISANCE)).names())
        .containsExactly(DemoModels.SCALE);
  }

  @Test
  void calibrationIsForTheDemoWindowSize() {
    assertThat(CalibrationDirectory.settings(DIR.resolve(MonitorModels.CALIBRATION)))
        .containsEntry("window_events", DemoScenario.DEFAULT_WINDOW_EVENTS);
  }

  @Test
  void theyTakeLessThanTwoMegabytes() throws Exception {
    long bytes;
    try (Stream<Path> files = Files.walk(DIR)) {
      bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
    assertThat(bytes).isLessThan(2_000_000);
  }
}
