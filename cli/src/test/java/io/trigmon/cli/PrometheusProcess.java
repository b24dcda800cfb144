package io.trigmon.cli;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Prometheus (Debian's {@code prometheus} package) for end-to-end tests: started on a free
 * loopback port with a temporary storage directory and a generated configuration whose one scrape
 * job ({@value #JOB}, every second) reads its targets from a file the test writes ({@code
 * file_sd_configs}), so targets on ephemeral ports can be added once they are known.
 */
final class PrometheusProcess implements AutoCloseable {

  static final String JOB = "trigmon-demo";

  private static final String MISSING =
      "prometheus not found on PATH; install it with `apt-get install -y prometheus` (.ci/run does)";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Process process;
  private final int port;

  private PrometheusProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts Prometheus when it is installed; null otherwise (under CI=true: fails). */
  static PrometheusProcess startIfInstalled(Path work, Path targets) throws Exception {
    Optional<Path> executable = onPath("prometheus");
    if (executable.isEmpty()) {
      if ("true".equals(System.getenv("CI"))) {
        fail(MISSING + " [CI=true: required]");
      }
      return null;
    }
    Path config = work.resolve("prometheus.yml");
    Files.writeString(
        config,
        String.join(
            "\n",
            "global:",
            "  scrape_interval: 1s",
            "  scrape_timeout: 1s",
            "scrape_configs:",
            "  - job_name: " + JOB,
            "    file_sd_configs:",
            "      - files: ['" + targets + "']",
            "        refresh_interval: 1s",
            ""));
    int port = freePort();
    Path data = Files.createDirectories(work.resolve("prometheus-data"));
    Process process =
        new ProcessBuilder(
                executable.orElseThrow().toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + data,
                "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("prometheus.log").toFile())
            .start();
    PrometheusProcess prometheus = new PrometheusProcess(process, port);
    prometheus.awaitReady();
    return prometheus;
  }

  /** Skips the calling test when Prometheus was not started. */
  static void assumeInstalled(PrometheusProcess prometheus) {
    Assumptions.assumeTrue(prometheus != null, MISSING);
  }

  /** Points the scrape job at these loopback ports. */
  void scrape(Path targets, List<Integer> ports) throws IOException {
    List<String> addresses = ports.stream().map(p -> "\"127.0.0.1:" + p + "\"").toList();
    Path tmp = targets.resolveSibling(targets.getFileName() + ".tmp");
    Files.writeString(tmp, "[{\"targets\": [" + String.join(", ", addresses) + "]}]");
    Files.move(tmp, targets, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** Every value of the series selected by {@code query} between the two times (1 s steps). */
  List<Double> values(String query, long startSeconds, long endSeconds) throws Exception {
    List<Double> values = new ArrayList<>();
    for (JsonNode series : queryRange(query, startSeconds, endSeconds)) {
      series.path("values").forEach(v -> values.add(Double.parseDouble(v.get(1).asText())));
    }
    return values;
  }

  /** How many scraped instances exported the metric between the two times. */
  int instances(String metric, long startSeconds, long endSeconds) throws Exception {
    Set<String> instances = new HashSet<>();
    for (JsonNode series : queryRange(metric, startSeconds, endSeconds)) {
      instances.add(series.path("metric").path("instance").asText());
    }
    return instances.size();
  }

  private JsonNode queryRange(String query, long startSeconds, long endSeconds) throws Exception {
    String path =
        "/api/v1/query_range?query="
            + URLEncoder.encode(query, StandardCharsets.UTF_8)
            + "&start="
            + startSeconds
            + "&end="
            + endSeconds
            + "&step=1";
    JsonNode body = get(path);
    if (!"success".equals(body.path("status").asText())) {
      throw new AssertionError("Prometheus query failed: " + body);
    }
    return body.path("data").path("result");
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  private void awaitReady() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      try {
        if (get("/api/v1/status/buildinfo").path("status").asText().equals("success")) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      if (!process.isAlive()) {
        throw new AssertionError("prometheus exited with code " + process.exitValue());
      }
      Thread.sleep(200);
    }
    throw new AssertionError("prometheus did not answer on port " + port + " within 60 s");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static Optional<Path> onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
