package io.trigmon.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.trigmon.event.Reason;
import io.trigmon.stream.ingest.IngestMetrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class MetricsServerTest {

  @Test
  void servesPrometheusNamesOnLoopback() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    IngestMetrics metrics = new IngestMetrics(registry);
    metrics.rejected(Reason.NEGATIVE_PT);
    metrics.valid("dimuon");
    try (MetricsServer server = MetricsServer.start("127.0.0.1", 0, registry)) {
      assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + server.address().getPort() + "/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body())
          .contains("trigmon_dlq_events_total{reason=\"negative_pt\"} 1.0")
          .contains("trigmon_dlq_events_total{reason=\"empty\"} 0.0")
          .contains("trigmon_events_total{stream=\"dimuon\"} 1.0");
    }
  }
}
