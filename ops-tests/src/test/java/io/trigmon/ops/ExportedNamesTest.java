package io.trigmon.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trigmon.metrics.TrigmonMetric;
import org.junit.jupiter.api.Test;

/** The name check itself: it must reject what a dashboard could get wrong. */
class ExportedNamesTest {

  @Test
  void acceptsHistogramSamplesWithTheirLabels() {
    assertThat(
            ExportedNames.check(
                "q",
                "histogram_quantile(0.9, rate(trigmon_ae_score_bucket{stream=~\"$stream\", le=\"1\"}[5m]))"))
        .containsExactly(TrigmonMetric.AE_SCORE);
  }

  @Test
  void rejectsANameTheCodeDoesNotExport() {
    assertThatThrownBy(() -> ExportedNames.check("q", "rate(trigmon_window_z_total[1m])"))
        .hasMessageContaining("trigmon_window_z_total");
  }

  @Test
  void rejectsALabelTheMetricDoesNotCarry() {
    assertThatThrownBy(() -> ExportedNames.check("q", "trigmon_dlq_events_total{stream=\"a\"}"))
        .hasMessageContaining("labels of trigmon_dlq_events_total");
  }

  @Test
  void ignoresNamesInsideStrings() {
    assertThat(ExportedNames.check("q", "label_replace(up, \"x\", \"trigmon_fake\", \"\", \"\")"))
        .isEmpty();
  }
}
