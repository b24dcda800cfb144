package io.trigmon.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus (Debian's) started with {@code deploy/prometheus/prometheus.yml}: it loads the
 * alert rules and sets up the three scrape jobs. The targets are down here (nothing listens), which
 * is what {@code TrigmonTargetDown} is for.
 */
class PrometheusServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private Process prometheus;

  @AfterEach
  void stop() throws InterruptedException {
    if (prometheus != null) {
      prometheus.destroy();
      prometheus.waitFor();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /**
   * GETs an API path until it answers 200 with a body the check accepts (Prometheus takes a moment
   * to start and to discover its targets), and returns that body.
   */
  private static JsonNode get(int port, String path, Predicate<JsonNode> ready)
      throws InterruptedException {
    URI uri = URI.create("http://127.0.0.1:" + port + path);
    Instant deadline = Instant.now().plusSeconds(60);
    while (true) {
      try {
        HttpResponse<String> response =
            HTTP.send(
                HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          JsonNode body = JSON.readTree(response.body());
          if (ready.test(body)) {
            return body;
          }
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Prometheus did not answer " + uri + " as expected in time");
      }
      Thread.sleep(200);
    }
  }

  @Test
  void loadsTheRulesAndTheScrapeJobs(@TempDir Path data) throws Exception {
    OpsTool tool = OpsTool.require("prometheus", "prometheus");
    int port = freePort();
    prometheus =
        new ProcessBuilder(
                tool.executable().toString(),
                "--config.file=" + OpsFiles.file("deploy/prometheus/prometheus.yml"),
                "--storage.tsdb.path=" + data,
                "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(data.resolve("prometheus.log").toFile())
            .start();

    JsonNode groups =
        get(port, "/api/v1/rules", b -> !b.path("data").path("groups").isEmpty())
            .path("data")
            .path("groups");
    Set<String> alerts = new TreeSet<>();
    groups.forEach(g -> g.path("rules").forEach(r -> alerts.add(r.path("name").asText())));
    assertThat(alerts)
        .containsExactlyInAnyOrder(
            "TrigmonAnomaly",
            "TrigmonCalibrationDrift",
            "TrigmonStaleStream",
            "TrigmonTargetDown",
            "TrigmonPipelineLag",
            "TrigmonLateEvents");
    groups.forEach(
        g ->
            g.path("rules")
                .forEach(r -> assertThat(r.path("health").asText()).isNotEqualTo("err")));

    Set<String> jobs = new TreeSet<>();
    get(port, "/api/v1/targets", b -> b.path("data").path("activeTargets").size() >= 3)
        .path("data")
        .path("activeTargets")
        .forEach(t -> jobs.add(t.path("labels").path("job").asText()));
    assertThat(jobs).containsExactlyInAnyOrder("trigmon-stream-app", "trigmon-monitor", "flink");
  }
}
