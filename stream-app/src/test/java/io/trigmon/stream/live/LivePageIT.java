package io.trigmon.stream.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trigmon.broker.BrokerSettings;
import io.trigmon.broker.KafkaBrokerExtension;
import io.trigmon.event.Event;
import io.trigmon.event.EventCodec;
import io.trigmon.event.HostileRecords;
import io.trigmon.event.TestEvents;
import io.trigmon.stream.StreamApp;
import io.trigmon.stream.StreamAppConfig;
import io.trigmon.stream.StreamTopics;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live page end to end: window results in the Flink job's JSON on {@code monitor.results} of a
 * real broker, events and garbage on {@code events.raw}, the stream app with its live page on a
 * free port, and the page loaded in headless Chromium. The rendered DOM must show every published
 * window once (a re-published window id replaces, not adds), the newest Z and the alarm raised by
 * the three injected windows; a screenshot goes to {@code target/live-page.png}. Skipped without
 * Chromium, except under {@code CI=true} where it fails ({@code .ci/run} installs it).
 */
class LivePageIT {

  private static final String DIMUON = "dimuon";
  private static final String DIELECTRON = "dielectron";
  private static final long WINDOW_MS = 23_310L;

  /** Z of dimuon windows 1-12: nine null-like windows, then three with an injected excess. */
  private static final double[] DIMUON_Z = {
    0.31, -0.52, 1.12, -1.45, 0.08, 0.67, -0.23, 1.50, 0.44, 6.07, 5.55, 4.32
  };

  @RegisterExtension
  static final KafkaBrokerExtension KAFKA =
      KafkaBrokerExtension.withSettings(BrokerSettings.defaults().withPartitions(2));

  @TempDir Path stateDir;
  @TempDir Path browserDir;

  @Test
  void thePageShowsThePublishedWindowsAndTheAlarm() throws Exception {
    Optional<HeadlessChromium> browser = HeadlessChromium.find(browserDir);
    if (browser.isEmpty() && "true".equals(System.getenv("CI"))) {
      fail("chromium is not installed; .ci/run installs it (apt-get install chromium)");
    }
    assumeTrue(browser.isPresent(), "chromium is not installed (apt-get install chromium)");
    String bootstrap = KAFKA.broker().bootstrapServers();
    long t0 = Instant.now().minusSeconds(20 * WINDOW_MS / 1000).toEpochMilli();

    StreamAppConfig config =
        StreamAppConfig.fromMap(
            Map.of(
                "bootstrap.servers", bootstrap,
                "application.id", "live-page-it",
                "state.dir", stateDir.toString(),
                "metrics.port", "-1",
                "live.port", "0",
                "live.rate.interval.ms", "500",
                "kafka.commit.interval.ms", "100"));
    try (StreamApp app = new StreamApp(config);
        KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
      app.start();
      LivePage page = app.livePage().orElseThrow();
      assertThat(page.url().getHost()).isEqualTo("127.0.0.1");

      send(producer, result(DIMUON, t0, 6, 9.9)); // re-published below with its final value
      for (int i = 1; i <= DIMUON_Z.length; i++) {
        send(producer, result(DIMUON, t0, i, DIMUON_Z[i - 1]));
      }
      for (int i = 1; i <= 5; i++) {
        send(producer, result(DIELECTRON, t0, i, 0.1 * i));
      }
      int valid = produceEvents(producer, t0);
      producer.flush();

      await(
          () ->
              page.history().windows(DIMUON).size() == DIMUON_Z.length
                  && page.history().windows(DIELECTRON).size() == 5,
          "the live page read every window");
      await(
          () ->
              app.ingestMetrics().validCounts().values().stream()
                      .mapToDouble(Double::doubleValue)
                      .sum()
                  >= valid,
          "the app ingested the events");
      Thread.sleep(1_500); // a few rate samples after the ingest

      String dom = browser.get().dumpDom(page.url(), 8_000);
      Files.writeString(Path.of("target", "live-page-dom.html"), dom);
      assertThat(text(dom, "current-z")).isEqualTo("4.32");
      assertThat(dom).contains("<div id=\"state\" class=\"ALARM\">ALARM</div>");
      assertThat(text(dom, "stream-name")).isEqualTo("stream: " + DIMUON);
      assertThat(count(dom, "class=\"z-point")).as("one point per window").isEqualTo(12);
      assertThat(count(dom, "class=\"z-point above\"")).as("windows at or above Z_on").isEqualTo(3);
      assertThat(count(dom, "class=\"threshold\"")).as("the alarm threshold line").isEqualTo(1);
      assertThat(count(dom, "<td class=\"flag-ALARM\">ALARM</td>")).isEqualTo(3);
      assertThat(dom)
          .contains("<td class=\"z-cell\">6.07</td>")
          .contains("<td class=\"z-cell\">0.67</td>")
          .doesNotContain("<td class=\"z-cell\">9.90</td>")
          .contains("12 windows held for dimuon")
          .contains("ν̂ scale_barrel")
          .contains("99% quantile")
          .contains("valid events (dimuon)")
          .contains("dead letters: ")
          .contains(DIELECTRON + "  Z 0.50  OK");
      assertThat(text(dom, "window-id")).isEqualTo(windowId(DIMUON, t0, 12));

      String other = browser.get().dumpDom(URI.create(page.url() + "?stream=" + DIELECTRON), 8_000);
      assertThat(text(other, "current-z")).isEqualTo("0.50");
      assertThat(other).contains("<div id=\"state\" class=\"OK\">OK</div>");
      assertThat(count(other, "class=\"z-point")).isEqualTo(5);

      Path png = Path.of("target", "live-page.png");
      browser.get().screenshot(page.url(), png, 1400, 1750, 8_000);
      assertThat(Files.size(png)).isGreaterThan(10_000);
    }
  }

  /**
   * A window result exactly as the Flink job writes it ({@code WindowResultSerializationSchema}).
   */
  private static ProducerRecord<byte[], byte[]> result(String stream, long t0, int i, double z) {
    long start = t0 + (i - 1) * WINDOW_MS;
    boolean injected = z > 3;
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("stream", stream);
    json.put("window_id", windowId(stream, t0, i));
    json.put("window_start", start);
    json.put("window_end", start + WINDOW_MS);
    json.put("n_events", 1010 + 7 * i);
    json.put("n_data", 1000 + 7 * i + (injected ? 50 : 0));
    json.put("n_expected", 1000.0 + 7 * i);
    json.put("t", 8.0 + 3 * z);
    json.put("tau", 9.0 + 3.2 * z);
    json.put("delta", 1.0 + 0.2 * z);
    json.put("nu_hat", Map.of("scale_barrel", 0.1 * ((i % 5) - 2), "jes", 0.05 * i - 0.3));
    json.put("p", 0.5 * Math.exp(-z * z / 2));
    json.put("z", z);
    json.put(
        "ae_score_quantiles",
        Map.of("q50", 0.8, "q90", 2.1 + (injected ? 0.6 : 0.02 * i), "q99", injected ? 9.5 : 5.2));
    json.put("excess_m12", injected ? 301.5 : null);
    json.put("model_versions", Map.of("nplm-kernel", "1"));
    try {
      return new ProducerRecord<>(
          StreamTopics.MONITOR_RESULTS.name(),
          null,
          start + WINDOW_MS,
          windowId(stream, t0, i).getBytes(StandardCharsets.UTF_8),
          new ObjectMapper().writeValueAsBytes(json));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String windowId(String stream, long t0, int i) {
    return stream + "@" + Instant.ofEpochMilli(t0 + (i - 1) * WINDOW_MS);
  }

  /** Valid events and garbage on events.raw, in three bursts a second apart; the valid count. */
  private static int produceEvents(KafkaProducer<byte[], byte[]> producer, long t0)
      throws InterruptedException {
    TestEvents events = new TestEvents(5, Instant.ofEpochMilli(t0));
    HostileRecords hostile = new HostileRecords(5);
    int valid = 0;
    for (int burst = 0; burst < 3; burst++) {
      for (Event e : events.next(2_000)) {
        producer.send(
            new ProducerRecord<>(StreamTopics.EVENTS_RAW.name(), null, EventCodec.encode(e)));
        valid++;
      }
      for (HostileRecords.Hostile h : hostile.next(100)) {
        producer.send(new ProducerRecord<>(StreamTopics.EVENTS_RAW.name(), null, h.bytes()));
      }
      producer.flush();
      Thread.sleep(1_000);
    }
    return valid;
  }

  private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
    return new KafkaProducer<>(
        Map.of(
            "bootstrap.servers",
            bootstrap,
            "key.serializer",
            ByteArraySerializer.class,
            "value.serializer",
            ByteArraySerializer.class,
            "acks",
            "all"));
  }

  private static void send(KafkaProducer<byte[], byte[]> producer, ProducerRecord<byte[], byte[]> r)
      throws Exception {
    producer.send(r).get();
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting until " + what).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  /** The text of the element with an id (no nested elements). */
  private static String text(String dom, String id) {
    Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(dom);
    assertThat(m.find()).as("element #" + id).isTrue();
    return m.group(1);
  }

  private static int count(String dom, String needle) {
    int n = 0;
    for (int i = dom.indexOf(needle); i >= 0; i = dom.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
