package io.trigmon.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The {@code manifest.json} of a model directory.
 *
 * @param format always {@link #FORMAT}, so that a stray JSON file is not taken for a model
 * @param formatVersion version of this manifest layout; readers refuse versions they don't know
 * @param kind what the directory holds, e.g. {@code autoencoder}, {@code nplm-kernel}, {@code
 *     nuisance}, {@code calibration}
 * @param version the model's own version string, shown in window results and dashboards
 * @param created when the model was saved
 * @param parameters hyper-parameters and settings needed to use or reproduce the model
 * @param reference the reference sample the model belongs to (at least its {@code sha256})
 * @param files every file of the model, by name relative to the directory, with its SHA-256
 */
public record ModelManifest(
    String format,
    @JsonProperty("format_version") int formatVersion,
    String kind,
    String version,
    Instant created,
    Map<String, Object> parameters,
    Map<String, Object> reference,
    Map<String, String> files) {

  /** Value of the {@code format} field. */
  public static final String FORMAT = "trigmon-model";

  /** The manifest layout this code writes and reads. */
  public static final int CURRENT_VERSION = 1;

  public ModelManifest {
    Objects.requireNonNull(kind, "kind");
    parameters = parameters == null ? Map.of() : new TreeMap<>(parameters);
    reference = reference == null ? Map.of() : new TreeMap<>(reference);
    files = files == null ? Map.of() : new TreeMap<>(files);
  }

  /** The SHA-256 of the reference sample, or null when the model names none. */
  public String referenceSha256() {
    Object sha = reference.get("sha256");
    return sha == null ? null : sha.toString();
  }
}
