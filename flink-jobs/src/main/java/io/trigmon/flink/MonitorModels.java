package io.trigmon.flink;

import io.trigmon.autoencoder.AutoencoderModel;
import io.trigmon.calibration.Calibration;
import io.trigmon.calibration.CalibrationDirectory;
import io.trigmon.nplm.KernelNplm;
import io.trigmon.nplm.KernelNplmModel;
import io.trigmon.nuisance.NuisanceModel;
import io.trigmon.store.ModelDirectory;
import io.trigmon.store.ModelFileException;
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
 *   <li>{@value #NUISANCE}/ — the learned δ̂ model of the shape nuisances ({@link NuisanceModel},
 *       as {@code trigmon nuisance train --out} writes it), optional: with it every window is
 *       tested with t = τ − Δ over those nuisances and the normalisation (DESIGN §4) and reports ν̂
 *       per nuisance; without it only the normalisation is a nuisance;
 *   <li>{@value #AUTOENCODER}/ — the autoencoder ({@link AutoencoderModel}), optional: without it
 *       events carry no anomaly score;
 *   <li>{@value #CALIBRATION}/ — the null calibration of t for that reference ({@link
 *       CalibrationDirectory}), optional: without it windows carry t, τ, Δ but no p and Z.
 * </ul>
 *
 * <p>Every directory is verified on load (kind, SHA-256 of every file against its manifest). The
 * calibration must name the NPLM reference's SHA-256 and the δ̂ model it was made with ({@link
 * CalibrationDirectory#NUISANCE_SHA256}, absent for none): t follows another null distribution with
 * another δ̂ model, so a mismatched calibration is refused rather than giving wrong Z. The δ̂ model
 * must read the reference's features. (Its manifest names the nominal sample it was trained on by
 * that file's hash, which need not be the NPLM reference itself, so that name is not compared.)
 *
 * @param nplm the prepared kernel NPLM test, with the δ̂ model when there is one
 * @param calibration the calibration, or null
 * @param versions model kind → version, reported with every window result
 */
public record MonitorModels(
    KernelNplm nplm, Calibration calibration, Map<String, String> versions) {

  /** Sub-directory of the kernel NPLM reference model. */
  public static final String NPLM = "nplm";

  /** Sub-directory of the δ̂ nuisance model. */
  public static final String NUISANCE = "nuisance";

  /** Sub-directory of the autoencoder. */
  public static final String AUTOENCODER = "autoencoder";

  /** Sub-directory of the calibration. */
  public static final String CALIBRATION = "calibration";

  /** Loads and verifies the models under {@code dir}, preparing the NPLM reference. */
  public static MonitorModels load(Path dir) {
    Path nplmDir = dir.resolve(NPLM);
    ModelDirectory nplmModel = ModelDirectory.open(nplmDir, KernelNplmModel.KIND);
    KernelNplmModel reference = KernelNplmModel.load(nplmDir);
    Map<String, String> versions = new LinkedHashMap<>();
    versions.put(KernelNplmModel.KIND, nplmModel.manifest().version());
    NuisanceModel nuisance = loadNuisance(dir.resolve(NUISANCE), reference, versions);
    KernelNplm nplm = nuisance == null ? reference.prepare() : reference.prepare(nuisance);
    Calibration calibration = null;
    Path calibrationDir = dir.resolve(CALIBRATION);
    if (Files.isDirectory(calibrationDir)) {
      ModelDirectory calibrationModel =
          ModelDirectory.open(calibrationDir, CalibrationDirectory.KIND);
      calibration =
          CalibrationDirectory.load(
              calibrationDir,
              nplmModel.manifest().referenceSha256(),
              nuisance == null ? null : nuisance.sha256());
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

  /** The δ̂ model under {@code nuisanceDir}, verified against the reference; null if absent. */
  private static NuisanceModel loadNuisance(
      Path nuisanceDir, KernelNplmModel reference, Map<String, String> versions) {
    if (!Files.isDirectory(nuisanceDir)) {
      return null;
    }
    String version = ModelDirectory.open(nuisanceDir, NuisanceModel.KIND).manifest().version();
    NuisanceModel nuisance = NuisanceModel.load(nuisanceDir);
    int features = reference.reference().features()[0].length;
    if (nuisance.standardisation().dimension() != features) {
      throw new ModelFileException(
          "δ̂ model "
              + nuisanceDir
              + " reads "
              + nuisance.standardisation().dimension()
              + " features but the NPLM reference has "
              + features);
    }
    versions.put(NuisanceModel.KIND, version);
    return nuisance;
  }

  /** The autoencoder under {@code dir}, if there is one. */
  public static Optional<AutoencoderModel> loadAutoencoder(Path dir) {
    Path autoencoderDir = dir.resolve(AUTOENCODER);
    return Files.isDirectory(autoencoderDir)
        ? Optional.of(AutoencoderModel.load(autoencoderDir))
        : Optional.empty();
  }
}
