package io.trigmon.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trigmon.calibration.Calibration;
import io.trigmon.calibration.CalibrationDirectory;
import io.trigmon.mlp.Activation;
import io.trigmon.mlp.DenseNetwork;
import io.trigmon.mlp.Standardisation;
import io.trigmon.nplm.KernelNplm;
import io.trigmon.nplm.KernelNplmModel;
import io.trigmon.nplm.NplmOptions;
import io.trigmon.nplm.ReferenceSample;
import io.trigmon.nuisance.NuisanceDelta;
import io.trigmon.nuisance.NuisanceModel;
import io.trigmon.store.ModelFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model directory of the monitor: the δ̂ model in {@code nuisance/} and what it must match. */
class MonitorModelsTest {

  private static final Calibration CALIBRATION =
      Calibration.of(Map.of(0.0, new ChiSquaredDistribution(new Well19937c(1), 12).sample(40)));

  @TempDir Path dir;

  private KernelNplmModel reference;

  @BeforeEach
  void reference() {
    double[][] rows = MonitorScenario.dileptons(7, 500);
    reference = new KernelNplmModel(ReferenceSample.of(rows), KernelNplm.protocol(rows, 20, 11));
    reference.save(dir.resolve(MonitorModels.NPLM), "ref-1");
  }

  @Test
  void theDeltaModelIsLoadedAndEveryWindowReportsItsNuisance() {
    NuisanceModel delta = delta(5);
    delta.save(dir.resolve(MonitorModels.NUISANCE), Map.of());
    calibrate(Map.of(CalibrationDirectory.NUISANCE_SHA256, delta.sha256()));

    MonitorModels models = MonitorModels.load(dir);

    assertThat(models.nplm().nuisanceNames()).containsExactly("scale");
    assertThat(models.versions()).containsKeys("nplm-kernel", NuisanceModel.KIND, "calibration");
    var result = models.nplm().test(MonitorScenario.dileptons(8, 200), NplmOptions.expected(200));
    assertThat(result.nuHat()).containsOnlyKeys("scale");
  }

  @Test
  void aCalibrationMadeWithoutTheDeltaModelIsRefused() {
    delta(5).save(dir.resolve(MonitorModels.NUISANCE), Map.of());
    calibrate(Map.of());
    assertThatThrownBy(() -> MonitorModels.load(dir))
        .isInstanceOf(ModelFileException.class)
        .hasMessageContaining("without a δ̂ model");
  }

  @Test
  void aCalibrationMadeWithAnotherDeltaModelIsRefused() {
    delta(5).save(dir.resolve(MonitorModels.NUISANCE), Map.of());
    calibrate(Map.of(CalibrationDirectory.NUISANCE_SHA256, "another"));
    assertThatThrownBy(() -> MonitorModels.load(dir))
        .isInstanceOf(ModelFileException.class)
        .hasMessageContaining("with δ̂ model another");
  }

  @Test
  void aDeltaModelOfOtherFeaturesIsRefused() {
    delta(3).save(dir.resolve(MonitorModels.NUISANCE), Map.of());
    assertThatThrownBy(() -> MonitorModels.load(dir))
        .isInstanceOf(ModelFileException.class)
        .hasMessageContaining("reads 3 features");
  }

  @Test
  void aTamperedDeltaModelIsRefused() throws Exception {
    delta(5).save(dir.resolve(MonitorModels.NUISANCE), Map.of());
    Path file = dir.resolve(MonitorModels.NUISANCE).resolve(NuisanceModel.FILE);
    Files.writeString(file, Files.readString(file).replace("scale", "scalf"));
    assertThatThrownBy(() -> MonitorModels.load(dir)).isInstanceOf(ModelFileException.class);
  }

  /** An untrained δ̂ model (fixed random weights): enough to wire, not to interpret. */
  private static NuisanceModel delta(int features) {
    double[] mean = new double[features];
    double[] scale = new double[features];
    java.util.Arrays.fill(scale, 1);
    return new NuisanceModel(
        new Standardisation(mean, scale),
        List.of(
            new NuisanceDelta(
                "scale",
                0.03,
                new double[] {-1, 1},
                DenseNetwork.initialised(new int[] {features, 4, 2}, Activation.TANH, 3))),
        null);
  }

  private void calibrate(Map<String, Object> settings) {
    CalibrationDirectory.save(
        CALIBRATION,
        dir.resolve(MonitorModels.CALIBRATION),
        reference.reference().sha256(),
        settings);
  }
}
