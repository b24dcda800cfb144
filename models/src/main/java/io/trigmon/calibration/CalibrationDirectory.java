package io.trigmon.calibration;

import io.trigmon.nuisance.NuisanceModel;
import io.trigmon.store.ModelDirectory;
import io.trigmon.store.ModelFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link Calibration} on disk: a model directory of kind {@value #KIND} with the toys' t values
 * ({@code toys.csv}: nu_star,t) and, in the manifest, the fitted dof, the KS distance and p-value,
 * the test settings it was made for, and the SHA-256 of the reference it belongs to. Loading
 * refuses a calibration made for another reference.
 */
public final class CalibrationDirectory {

  /** Kind of the model directory. */
  public static final String KIND = "calibration";

  /**
   * Settings key naming the δ̂ model the toys were made with: its {@link NuisanceModel#sha256()}.
   * Absent when the toys were made without one.
   */
  public static final String NUISANCE_SHA256 = "nuisance_sha256";

  private static final String TOYS = "toys.csv";

  private CalibrationDirectory() {}

  /**
   * Saves a calibration.
   *
   * @param settings test settings the toys were made with (method, N(R0), σ_N, …), recorded
   */
  public static ModelDirectory save(
      Calibration calibration, Path dir, String referenceSha256, Map<String, Object> settings) {
    ModelDirectory.Writer writer = ModelDirectory.create(dir, KIND, "1");
    StringBuilder csv = new StringBuilder("nu_star,t\n");
    calibration
        .toys()
        .forEach(
            (nu, ts) -> {
              for (double t : ts) {
                csv.append(String.format(Locale.ROOT, "%s,%s%n", nu, t));
              }
            });
    writer.write(TOYS, csv.toString().getBytes(StandardCharsets.UTF_8));
    settings.forEach(writer::parameter);
    return writer
        .parameter("dof", calibration.dof())
        .parameter("ks_distance", calibration.fit().ksDistance())
        .parameter("ks_p_value", calibration.fit().ksPValue())
        .parameter("toys", calibration.fit().toys())
        .reference("sha256", referenceSha256)
        .seal();
  }

  /** Loads a calibration, refusing one made for another reference. */
  public static Calibration load(Path dir, String referenceSha256) {
    ModelDirectory model = ModelDirectory.open(dir, KIND).requireReference(referenceSha256);
    Map<Double, List<Double>> toys = new LinkedHashMap<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(model.file(TOYS), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ModelFileException("cannot read " + model.file(TOYS), e);
    }
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.split(",");
      toys.computeIfAbsent(Double.parseDouble(parts[0]), k -> new ArrayList<>())
          .add(Double.parseDouble(parts[1]));
    }
    Map<Double, double[]> arrays = new LinkedHashMap<>();
    toys.forEach(
        (nu, ts) -> arrays.put(nu, ts.stream().mapToDouble(Double::doubleValue).toArray()));
    return Calibration.of(arrays);
  }

  /**
   * Loads a calibration, refusing one made for another reference or with another δ̂ model: t = τ −
   * Δ of a test with a δ̂ model follows another null distribution than without one (or with another
   * one), so its p and Z would be wrong.
   *
   * @param nuisanceSha256 {@link NuisanceModel#sha256()} of the test's δ̂ model, null without one
   */
  public static Calibration load(Path dir, String referenceSha256, String nuisanceSha256) {
    Object recorded = settings(dir).get(NUISANCE_SHA256);
    String made = recorded == null ? null : recorded.toString();
    if (!Objects.equals(made, nuisanceSha256)) {
      throw new ModelFileException(
          "calibration "
              + dir
              + " was made "
              + (made == null ? "without a δ̂ model" : "with δ̂ model " + made)
              + " but the test uses "
              + (nuisanceSha256 == null ? "none" : "δ̂ model " + nuisanceSha256)
              + ": recalibrate with the test's δ̂ model");
    }
    return load(dir, referenceSha256);
  }

  /** The settings recorded with a calibration (to check it matches the test being run). */
  public static Map<String, Object> settings(Path dir) {
    return ModelDirectory.open(dir, KIND).manifest().parameters();
  }
}
