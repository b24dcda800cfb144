package io.trigmon.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An opened, verified model directory: every file listed in its manifest exists and has the
 * recorded SHA-256. Models are written with {@link Writer} and read with {@link #open(Path,
 * String)}; a directory is never half-trusted.
 */
public final class ModelDirectory {

  /** Name of the manifest inside a model directory. */
  public static final String MANIFEST = "manifest.json";

  static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  private final Path dir;
  private final ModelManifest manifest;

  private ModelDirectory(Path dir, ModelManifest manifest) {
    this.dir = dir;
    this.manifest = manifest;
  }

  /**
   * Opens and verifies a model directory of the expected kind.
   *
   * @throws ModelFileException if the manifest is missing or unreadable, of another format version
   *     or kind, or any file is missing or differs from its recorded SHA-256
   */
  public static ModelDirectory open(Path dir, String expectedKind) {
    ModelManifest manifest = readManifest(dir);
    if (!expectedKind.equals(manifest.kind())) {
      throw new ModelFileException(
          dir
              + " holds a '"
              + manifest.kind()
              + "' model, not a '"
              + expectedKind
              + "' model: point the option at the right directory");
    }
    manifest.files().forEach((name, sha) -> verify(dir, name, sha));
    return new ModelDirectory(dir, manifest);
  }

  /** Starts writing a new model of the given kind into {@code dir} (created if missing). */
  public static Writer create(Path dir, String kind, String version) {
    return new Writer(dir, kind, version);
  }

  public Path dir() {
    return dir;
  }

  public ModelManifest manifest() {
    return manifest;
  }

  /** A verified file of the model. */
  public Path file(String name) {
    if (!manifest.files().containsKey(name)) {
      throw new ModelFileException(
          "model "
              + dir
              + " has no file '"
              + name
              + "' (it has "
              + manifest.files().keySet()
              + ")");
    }
    return dir.resolve(name);
  }

  /** A hyper-parameter as a number. */
  public double number(String key) {
    Object value = manifest.parameters().get(key);
    if (!(value instanceof Number n)) {
      throw new ModelFileException(
          "model " + dir + " has no numeric parameter '" + key + "' in its manifest");
    }
    return n.doubleValue();
  }

  /**
   * Refuses this model unless it belongs to the reference sample with the given SHA-256 (e.g. a
   * calibration made for another reference).
   */
  public ModelDirectory requireReference(String referenceSha256) {
    String own = manifest.referenceSha256();
    if (own == null || !own.equals(referenceSha256)) {
      throw new ModelFileException(
          "model "
              + dir
              + " belongs to reference "
              + own
              + ", not to "
              + referenceSha256
              + ": recalibrate or retrain it for this reference");
    }
    return this;
  }

  private static ModelManifest readManifest(Path dir) {
    Path file = dir.resolve(MANIFEST);
    if (!Files.isRegularFile(file)) {
      throw new ModelFileException(
          "no " + MANIFEST + " in " + dir + ": not a trigmon model directory (or not saved yet)");
    }
    ModelManifest manifest;
    try {
      manifest = JSON.readValue(file.toFile(), ModelManifest.class);
    } catch (IOException e) {
      throw new ModelFileException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (!ModelManifest.FORMAT.equals(manifest.format())) {
      throw new ModelFileException(file + " is not a trigmon model manifest");
    }
    if (manifest.formatVersion() != ModelManifest.CURRENT_VERSION) {
      throw new ModelFileException(
          file
              + " has manifest format version "
              + manifest.formatVersion()
              + "; this trigmon reads version "
              + ModelManifest.CURRENT_VERSION
              + ": use a matching trigmon release or re-save the model");
    }
    return manifest;
  }

  private static void verify(Path dir, String name, String expectedSha) {
    Path file = dir.resolve(name).normalize();
    if (!file.startsWith(dir.normalize())) {
      throw new ModelFileException("manifest of " + dir + " names a file outside it: " + name);
    }
    if (!Files.isRegularFile(file)) {
      throw new ModelFileException("model file " + file + " listed in the manifest is missing");
    }
    String actual = Sha256.of(file);
    if (!actual.equals(expectedSha)) {
      throw new ModelFileException(
          "model file "
              + file
              + " has SHA-256 "
              + actual
              + " but the manifest records "
              + expectedSha
              + ": it was changed after the model was saved; restore it or retrain the model");
    }
  }

  /** Writes a model directory: files first, then {@link #seal()} records their hashes. */
  public static final class Writer {
    private final Path dir;
    private final String kind;
    private final String version;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final Map<String, Object> reference = new LinkedHashMap<>();
    private final Map<String, String> files = new LinkedHashMap<>();

    private Writer(Path dir, String kind, String version) {
      this.dir = dir;
      this.kind = kind;
      this.version = version;
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new ModelFileException("cannot create model directory " + dir, e);
      }
    }

    /** Path where the caller writes a file of the model; it is hashed at {@link #seal()}. */
    public Path file(String name) {
      files.put(name, "");
      return dir.resolve(name);
    }

    /** Writes a whole file of the model. */
    public Writer write(String name, byte[] bytes) {
      try {
        Files.write(file(name), bytes);
      } catch (IOException e) {
        throw new ModelFileException("cannot write " + dir.resolve(name), e);
      }
      return this;
    }

    public Writer parameter(String key, Object value) {
      parameters.put(key, value);
      return this;
    }

    /** Describes the reference sample; {@code sha256} is the key models are matched on. */
    public Writer reference(String key, Object value) {
      reference.put(key, value);
      return this;
    }

    /** Hashes every file and writes the manifest; the directory can then be opened. */
    public ModelDirectory seal() {
      files.replaceAll((name, ignored) -> hashWritten(name));
      ModelManifest manifest =
          new ModelManifest(
              ModelManifest.FORMAT,
              ModelManifest.CURRENT_VERSION,
              kind,
              version,
              Instant.now(),
              parameters,
              reference,
              files);
      try {
        JSON.writeValue(dir.resolve(MANIFEST).toFile(), manifest);
      } catch (IOException e) {
        throw new ModelFileException("cannot write " + dir.resolve(MANIFEST), e);
      }
      return new ModelDirectory(dir, manifest);
    }

    private String hashWritten(String name) {
      Path path = dir.resolve(name);
      if (!Files.isRegularFile(path)) {
        throw new ModelFileException("model file " + path + " was declared but never written");
      }
      return Sha256.of(path);
    }
  }
}
