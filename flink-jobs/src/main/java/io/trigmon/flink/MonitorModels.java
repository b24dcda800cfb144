package io.trigmon.flink;

import io.trigmon.calibration.Calibration;
import io.trigmon.calibration.CalibrationDirectory;
import io.trigmon.nplm.KernelNplm;
import io.trigmon.nplm.KernelNplmModel;
import io.trigmon.store.ModelDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The models a monitor task loads from its model directory, once, in {@code open()}:
 *
 * <ul>
 *   <li>{@value #NPLM}/ — the kernel NPLM reference model ({@link KernelNplmModel}), required;
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
    return new MonitorModels(nplm, calibration, versions);
  }
}
