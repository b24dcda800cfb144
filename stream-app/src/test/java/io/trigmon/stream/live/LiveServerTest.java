package io.trigmon.stream.live;

import static io.trigmon.stream.alert.Results.window;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.trigmon.stream.alert.AlertConfig;
import io.trigmon.stream.ingest.IngestMetrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LiveServerTest {

  private final WindowHistory history = new WindowHistory(10);
  private LiveSnapshot snapshot;

  @BeforeEach
  void setUp() {
    snapshot =
        new LiveSnapshot(
            history,
            new IngestRates(new IngestMetrics(new SimpleMeterRegistry()), 10),
            AlertConfig.defaults(),
            LiveConfig.defaults());
  }

  private static HttpResponse<String> get(URI uri) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesThePageAndTheSnapshotOnLoopback() throws Exception {
    history.add(window("dimuon", 1, 2.5));
    history.add(window("zz", 1, 0.5));
    try (LiveServer server = LiveServer.start("127.0.0.1", 0, snapshot, () -> 42L)) {
      assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
      HttpResponse<String> page = get(server.url());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Type"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
      assertThat(page.body()).contains("id=\"current-z\"").contains("/api/live");

      HttpResponse<String> api = get(server.url().resolve("/api/live?stream=zz"));
      assertThat(api.statusCode()).isEqualTo(200);
      var json = new ObjectMapper().readTree(api.body());
      assertThat(json.get("stream").asText()).isEqualTo("zz");
      assertThat(json.get("now_ms").asLong()).isEqualTo(42L);

      assertThat(get(server.url().resolve("/nothing")).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void thePageLoadsNothingFromOutside() throws Exception {
    try (LiveServer server = LiveServer.start("127.0.0.1", 0, snapshot, () -> 0L)) {
      String html = get(server.url()).body();
      assertThat(html)
          .doesNotContain("<script src")
          .doesNotContain("<link")
          .doesNotContain("<img")
          .doesNotContain("@import")
          .doesNotContain("url(");
      // The only absolute URL is the SVG namespace name, which is never fetched.
      assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http");
    }
  }

  @Test
  void queryParametersAreDecoded() {
    assertThat(
            LiveServer.queryParameter(URI.create("/api/live?a=1&stream=Double%20Muon"), "stream"))
        .isEqualTo("Double Muon");
    assertThat(LiveServer.queryParameter(URI.create("/api/live"), "stream")).isNull();
  }
}
