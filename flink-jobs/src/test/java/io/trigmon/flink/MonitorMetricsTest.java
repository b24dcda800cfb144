package io.trigmon.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.trigmon.flink.records.WindowResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MonitorMetricsTest {

  static WindowResult result(String stream, double z) {
    return new WindowResult(
        stream,
        WindowResult.windowId(stream, 0),
        0,
        10_000,
        1003,
        1000,
        null,
        12.5,
        13.0,
        0.5,
        Map.of("scale-barrel", 0.25),
        Map.of("scale-barrel", 0.1),
        0.01,
        z,
        Map.of(),
        null,
        Map.of("nplm-kernel", "demo-1"));
  }

  @Test
  void windowResultsAreServedUnderTheDesignNamesOnLoopback() throws Exception {
    MonitorMetrics.window(result("MetricsTestStream", 3.5), Duration.ofMillis(250));
    MonitorMetrics.event("MetricsTestStream");
    MonitorMetrics.deadLetter("bad_magic");
    MonitorMetrics.lateEvent("MetricsTestStream");
    MonitorMetrics.lateEvent("MetricsTestStream");

    HttpServer server = MonitorMetrics.serve(0);
    try {
      int port = server.getAddress().getPort();
      String body =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      assertThat(body)
          .contains("trigmon_window_z{stream=\"MetricsTestStream\"} 3.5")
          .contains("trigmon_window_t{stream=\"MetricsTestStream\"} 12.5")
          .contains("trigmon_window_tau{stream=\"MetricsTestStream\"} 13.0")
          .contains("trigmon_window_delta{stream=\"MetricsTestStream\"} 0.5")
          .contains("trigmon_window_events{stream=\"MetricsTestStream\"} 1003.0")
          .contains(
              "trigmon_nuisance_hat{nuisance=\"scale-barrel\",stream=\"MetricsTestStream\"} 0.25")
          .contains("trigmon_window_latency_seconds_count{stream=\"MetricsTestStream\"} 1")
          .contains("trigmon_events_total{stream=\"MetricsTestStream\"}")
          .contains("trigmon_dlq_events_total{reason=\"bad_magic\"}")
          .contains("trigmon_late_events_total{stream=\"MetricsTestStream\"} 2.0")
          .contains(
              "trigmon_model_info{model=\"nplm-kernel\",stream=\"MetricsTestStream\","
                  + "version=\"demo-1\"} 1");
    } finally {
      server.stop(0);
    }
  }
}
