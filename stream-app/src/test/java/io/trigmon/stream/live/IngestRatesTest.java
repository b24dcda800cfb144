package io.trigmon.stream.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.trigmon.event.Reason;
import io.trigmon.stream.ingest.IngestMetrics;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestRatesTest {

  private final IngestMetrics metrics = new IngestMetrics(new SimpleMeterRegistry());

  private void valid(String stream, int n) {
    for (int i = 0; i < n; i++) {
      metrics.valid(stream);
    }
  }

  @Test
  void rateIsTheCountersIncreaseOverTheInterval() {
    IngestRates rates = new IngestRates(metrics, 10);
    valid("dimuon", 7);
    rates.sample(10_000);
    valid("dimuon", 50);
    metrics.rejected(Reason.NEGATIVE_PT);
    metrics.rejected(Reason.NEGATIVE_PT);
    rates.sample(15_000);

    List<IngestRates.Point> points = rates.points();
    assertThat(points).hasSize(1);
    assertThat(points.get(0).timeMillis()).isEqualTo(15_000);
    assertThat(points.get(0).events()).containsEntry("dimuon", 10.0);
    assertThat(points.get(0).dlq())
        .as("only reasons with dead letters")
        .containsOnlyKeys(Reason.NEGATIVE_PT.code())
        .containsEntry(Reason.NEGATIVE_PT.code(), 0.4);
  }

  @Test
  void aStreamSeenFirstDuringAnIntervalCountsFromZero() {
    IngestRates rates = new IngestRates(metrics, 10);
    rates.sample(0);
    valid("zz", 3);
    rates.sample(1_000);
    assertThat(rates.points().get(0).events()).containsEntry("zz", 3.0);
  }

  @Test
  void keepsTheNewestSamplesAndIgnoresOnesNotLaterThanTheLast() {
    IngestRates rates = new IngestRates(metrics, 3);
    for (long t = 0; t <= 5_000; t += 1_000) {
      rates.sample(t);
    }
    rates.sample(5_000);
    rates.sample(4_000);
    assertThat(rates.points())
        .extracting(IngestRates.Point::timeMillis)
        .containsExactly(4_000L, 5_000L);
  }
}
