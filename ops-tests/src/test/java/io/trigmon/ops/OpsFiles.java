package io.trigmon.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The operator files of the repository (deploy/, grafana/), read as JSON trees. YAML goes through
 * SnakeYAML (safe constructor), which resolves anchors and aliases as docker compose does.
 */
final class OpsFiles {

  private static final ObjectMapper JSON = new ObjectMapper();

  private OpsFiles() {}

  /** The repository root (system property {@code trigmon.root}, set by the module's pom). */
  static Path root() {
    String root = System.getProperty("trigmon.root");
    Path path = root == null ? Path.of("..") : Path.of(root);
    return path.toAbsolutePath().normalize();
  }

  static Path file(String relative) {
    Path path = root().resolve(relative);
    if (!Files.isRegularFile(path)) {
      throw new AssertionError("missing operator file " + relative);
    }
    return path;
  }

  static JsonNode json(String relative) {
    try {
      return JSON.readTree(file(relative).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(relative, e);
    }
  }

  private static Yaml snakeYaml() {
    return new Yaml(new SafeConstructor(new LoaderOptions()));
  }

  static JsonNode yaml(String relative) {
    try (Reader reader = Files.newBufferedReader(file(relative))) {
      return JSON.valueToTree(snakeYaml().load(reader));
    } catch (IOException e) {
      throw new UncheckedIOException(relative, e);
    }
  }

  /** Every document of a multi-document YAML file (Kubernetes manifests). */
  static List<JsonNode> yamlDocuments(String relative) {
    List<JsonNode> documents = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file(relative))) {
      for (Object document : snakeYaml().loadAll(reader)) {
        if (document != null) {
          documents.add(JSON.valueToTree(document));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(relative, e);
    }
    return documents;
  }

  /** Files of a folder whose names end with a suffix, relative to the root, sorted. */
  static List<String> list(String folder, String suffix) {
    try (Stream<Path> files = Files.list(root().resolve(folder))) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(suffix))
          .map(p -> root().relativize(p).toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(folder, e);
    }
  }
}
