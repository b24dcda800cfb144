package io.trigmon.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TrigmonMetricTest {

  @Test
  void micrometerNamesDropTheSuffixesPrometheusAddsBack() {
    assertThat(TrigmonMetric.EVENTS.micrometerName()).isEqualTo("trigmon.events");
    assertThat(TrigmonMetric.DLQ_EVENTS.micrometerName()).isEqualTo("trigmon.dlq.events");
    assertThat(TrigmonMetric.WINDOW_LATENCY.micrometerName()).isEqualTo("trigmon.window.latency");
    assertThat(TrigmonMetric.AE_SCORE.micrometerName()).isEqualTo("trigmon.ae.score");
    assertThat(TrigmonMetric.WINDOW_Z.micrometerName()).isEqualTo("trigmon.window.z");
  }

  @Test
  void histogramSamplesMapBackToTheirMetric() {
    assertThat(TrigmonMetric.ofSample("trigmon_ae_score_bucket")).contains(TrigmonMetric.AE_SCORE);
    assertThat(TrigmonMetric.ofSample("trigmon_window_latency_seconds_count"))
        .contains(TrigmonMetric.WINDOW_LATENCY);
    assertThat(TrigmonMetric.ofSample("trigmon_window_z_bucket")).isEmpty();
    assertThat(TrigmonMetric.ofSample("trigmon_events")).isEmpty();
  }

  @Test
  void namesFollowPrometheusConventionsAndCarryALabel() {
    for (TrigmonMetric metric : TrigmonMetric.values()) {
      assertThat(metric.prometheusName()).matches("trigmon_[a-z_]+");
      assertThat(metric.labels()).isNotEmpty();
      assertThat(metric.help()).isNotBlank();
    }
    assertThat(Arrays.stream(TrigmonMetric.values()).filter(m -> m.labels().contains("stream")))
        .hasSize(TrigmonMetric.values().length - 1);
  }
}
