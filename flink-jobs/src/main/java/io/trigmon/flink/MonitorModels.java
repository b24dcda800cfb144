package io.trigmon.flink;

import io.trigmon.autoencoder.AutoencoderModel;
import io.trigmon.calibration.Calibration;
import io.trigmon.calibration.CalibrationDirectory;
import io.trigmon.nplm.KernelNplm;
import io.trigmon.nplm.KernelNplmModel;
import io.trigmon.store.ModelDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The models a monitor task loads from its model directory, once, in {@code open()}:
 *
 * <ul>
 *   <li>{@value #NPLM}/ — the kernel NPLM reference model ({@link KernelNplmModel}), required;
 *   <li>{@value #AUTOENCODER}/ — the autoencoder ({@link AutoencoderModel}), optional: without it
 *       events carry no anomaly score;
 *   <li>{@value #CALIBRATION}/ — the null calibration of t for that reference ({@link
 *       CalibrationDirectory}), optional: without it windows carry t, τ, Δ but no p and Z.
 * </ul>
 *
 * @param nplm the prepared kernel NPLM test
 * @param calibration the calibration, or null
 * @param versions model kind → version, reported with every window result
 */
public record MonitorModels(
    KernelNplm nplm, Calibration calibration, Map<String, String> versions) {

  /** Sub-directory of the kernel NPLM reference model. */
  public static final String NPLM = "nplm";

  /** Sub-directory of the autoencoder. */
  public static final String AUTOENCODER = "autoencoder";

  /** Sub-directory of the calibration. */
  public static final String CALIBRATION = "calibration";

  /** Loads and verifies the models under {@code dir}, preparing the NPLM reference. */
  public static MonitorModels load(Path dir) {
    Path nplmDir = dir.resolve(NPLM);
    ModelDirectory nplmModel = ModelDirectory.open(nplmDir, KernelNplmModel.KIND);
    KernelNplm nplm = KernelNplmModel.load(nplmDir).prepare();
    Map<String, String> versions = new LinkedHashMap<>();
    versions.put(KernelNplmModel.KIND, nplmModel.manifest().version());
    Calibration calibration = null;
    Path calibrationDir = dir.resolve(CALIBRATION);
    if (Files.isDirectory(calibrationDir)) {
      ModelDirectory calibrationModel =
          ModelDirectory.open(calibrationDir, CalibrationDirectory.KIND);
      calibration =
          CalibrationDirectory.load(calibrationDir, nplmModel.manifest().referenceSha256());
      versions.put(CalibrationDirectory.KIND, calibrationModel.manifest().version());
    }
    Path autoencoderDir = dir.resolve(AUTOENCODER);
    if (Files.isDirectory(autoencoderDir)) {
      versions.put(
          AutoencoderModel.KIND,
          ModelDirectory.open(autoencoderDir, AutoencoderModel.KIND).manifest().version());
    }
    return new MonitorModels(nplm, calibration, versions);
  }

  /** The autoencoder under {@code dir}, if there is one. */
  public static Optional<AutoencoderModel> loadAutoencoder(Path dir) {
    Path autoencoderDir = dir.resolve(AUTOENCODER);
    return Files.isDirectory(autoencoderDir)
        ? Optional.of(AutoencoderModel.load(autoencoderDir))
        : Optional.empty();
  }
}
