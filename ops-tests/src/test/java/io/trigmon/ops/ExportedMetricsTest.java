package io.trigmon.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.trigmon.event.Reason;
import io.trigmon.metrics.TrigmonMetric;
import io.trigmon.stream.StreamApp;
import io.trigmon.stream.StreamAppConfig;
import io.trigmon.stream.ingest.IngestMetrics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a Prometheus scrape of Micrometer really shows: {@link TrigmonMetric#micrometerName()} turns
 * into {@link TrigmonMetric#sampleNames()}, the stream app's ingest counters come out under their
 * DESIGN §7 names, and Kafka Streams exports the consumer-lag metric the lag alert queries.
 */
class ExportedMetricsTest {

  private static final Pattern SAMPLE = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]");

  private static Set<String> sampleNames(PrometheusMeterRegistry registry) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = SAMPLE.matcher(registry.scrape());
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private static void register(TrigmonMetric metric, PrometheusMeterRegistry registry) {
    Tags tags = Tags.empty();
    for (String label : metric.labels()) {
      tags = tags.and(label, "x");
    }
    String name = metric.micrometerName();
    switch (metric.type()) {
      case GAUGE -> Gauge.builder(name, () -> 1.0).tags(tags).register(registry);
      case COUNTER -> Counter.builder(name).tags(tags).register(registry).increment();
      case HISTOGRAM ->
          DistributionSummary.builder(name)
              .tags(tags)
              .serviceLevelObjectives(0.5, 1.0)
              .register(registry)
              .record(0.7);
      case TIMER ->
          Timer.builder(name)
              .tags(tags)
              .publishPercentileHistogram()
              .register(registry)
              .record(Duration.ofMillis(30));
    }
  }

  @Test
  void micrometerNamesScrapeAsTheDocumentedPrometheusNames() {
    for (TrigmonMetric metric : TrigmonMetric.values()) {
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      register(metric, registry);
      Set<String> scraped = sampleNames(registry);
      assertThat(metric.sampleNames()).as("%s", metric).containsAll(scraped);
      String name = metric.prometheusName();
      Set<String> expected =
          switch (metric.type()) {
            case GAUGE, COUNTER -> Set.of(name);
            case HISTOGRAM, TIMER -> Set.of(name + "_bucket", name + "_sum", name + "_count");
          };
      assertThat(scraped).as("%s", metric).containsAll(expected);
    }
  }

  @Test
  void ingestCountersScrapeUnderTheirDesignNames() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    IngestMetrics ingest = new IngestMetrics(registry);
    ingest.valid("dimuon");
    ingest.rejected(Reason.values()[0]);
    String scrape = registry.scrape();
    assertThat(scrape)
        .contains(TrigmonMetric.EVENTS.prometheusName() + "{stream=\"dimuon\"}")
        .contains(
            TrigmonMetric.DLQ_EVENTS.prometheusName()
                + "{reason=\""
                + Reason.values()[0].code()
                + "\"}");
  }

  @Test
  void kafkaStreamsExportsTheConsumerLagTheAlertQueries(@TempDir Path state) {
    // A Kafka Streams client creates its consumers when constructed; no broker is contacted
    // before start(), so the metric names can be read without one.
    StreamAppConfig config =
        StreamAppConfig.fromMap(
            Map.of(
                StreamAppConfig.BOOTSTRAP_SERVERS, "127.0.0.1:1",
                StreamAppConfig.STATE_DIR, state.toString(),
                StreamAppConfig.METRICS_PORT, "-1"));
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    StreamApp app = new StreamApp(config, registry);
    try (KafkaStreams streams = new KafkaStreams(app.topology(), StreamApp.streamsConfig(config));
        KafkaStreamsMetrics metrics = new KafkaStreamsMetrics(streams)) {
      metrics.bindTo(registry);
      assertThat(sampleNames(registry)).contains("kafka_consumer_fetch_manager_records_lag_max");
    } finally {
      app.close();
    }
  }
}
