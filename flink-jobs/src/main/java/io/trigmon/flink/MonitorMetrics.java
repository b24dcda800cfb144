package io.trigmon.flink;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.trigmon.flink.records.WindowResult;
import io.trigmon.metrics.TrigmonMetric;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.LoggerFactory;

/**
 * The monitor's metrics under the names of DESIGN §7, in one JVM-wide Micrometer Prometheus
 * registry that the job's operators record into and {@link #serve(int)} exposes on loopback at
 * {@code /metrics}:
 *
 * <ul>
 *   <li>per window, label {@code stream}: gauges {@code trigmon_window_z}, {@code
 *       trigmon_window_t}, {@code trigmon_window_tau}, {@code trigmon_window_delta}, {@code
 *       trigmon_window_events} (the latest window's values), {@code trigmon_nuisance_hat} (labels
 *       {@code stream, nuisance}), timer {@code trigmon_window_latency_seconds} (processing time at
 *       emission minus window end);
 *   <li>per event: counters {@code trigmon_events_total{stream}}, {@code
 *       trigmon_dlq_events_total{reason}}, {@code trigmon_late_events_total{stream}}, histogram
 *       {@code trigmon_ae_score{stream}} (when scores exist).
 * </ul>
 *
 * One registry per JVM: in the local MiniCluster of {@code trigmon monitor} every task records into
 * it. On a multi-process cluster each TaskManager would need its own endpoint (not done yet).
 */
public final class MonitorMetrics {

  private static final PrometheusMeterRegistry REGISTRY =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  private static final Map<String, AtomicReference<WindowResult>> LATEST =
      new ConcurrentHashMap<>();
  private static final Map<String, double[]> NUISANCES = new ConcurrentHashMap<>();
  private static final Map<String, Gauge> MODELS = new ConcurrentHashMap<>();
  private static final Map<String, double[]> RESULT_TIMES = new ConcurrentHashMap<>();

  // Per-event meters, looked up by stream: building and registering a meter for every event
  // (a Meter.Id and a registry lookup each time) cost ~5 % of the monitor's CPU (issue 8 profile).
  private static final Map<String, Counter> EVENTS = new ConcurrentHashMap<>();
  private static final Map<String, Counter> LATE_EVENTS = new ConcurrentHashMap<>();
  private static final Map<String, DistributionSummary> AE_SCORES = new ConcurrentHashMap<>();

  private MonitorMetrics() {}

  /** The registry (tests scrape it directly). */
  public static PrometheusMeterRegistry registry() {
    return REGISTRY;
  }

  /** Counts a valid event of a stream. */
  public static void event(String stream) {
    streamCounter(EVENTS, TrigmonMetric.EVENTS, stream).increment();
  }

  /** Counts a dead letter. */
  public static void deadLetter(String reason) {
    Counter.builder(TrigmonMetric.DLQ_EVENTS.micrometerName())
        .tag("reason", reason)
        .register(REGISTRY)
        .increment();
  }

  /** Counts an event that arrived after its window had closed (they come in bursts). */
  public static void lateEvent(String stream) {
    streamCounter(LATE_EVENTS, TrigmonMetric.LATE_EVENTS, stream).increment();
  }

  /** The counter {@code metric{stream}} from {@code cache}, registered on first use. */
  private static Counter streamCounter(
      Map<String, Counter> cache, TrigmonMetric metric, String stream) {
    Counter counter = cache.get(stream);
    if (counter == null) {
      counter =
          cache.computeIfAbsent(
              stream,
              s -> Counter.builder(metric.micrometerName()).tag("stream", s).register(REGISTRY));
    }
    return counter;
  }

  /** Records an autoencoder score. */
  public static void aeScore(String stream, double score) {
    DistributionSummary summary = AE_SCORES.get(stream);
    if (summary == null) {
      summary =
          AE_SCORES.computeIfAbsent(
              stream,
              s ->
                  DistributionSummary.builder(TrigmonMetric.AE_SCORE.micrometerName())
                      .tag("stream", s)
                      .publishPercentileHistogram()
                      .register(REGISTRY));
    }
    summary.record(score);
  }

  /** Publishes a window's result; {@code latency} = emission time − window end. */
  public static void window(WindowResult result, Duration latency) {
    String stream = result.stream();
    LATEST
        .computeIfAbsent(
            stream,
            s -> {
              AtomicReference<WindowResult> ref = new AtomicReference<>();
              Tags tags = Tags.of("stream", s);
              gauge(TrigmonMetric.WINDOW_Z, tags, ref, r -> r.z() == null ? Double.NaN : r.z());
              gauge(TrigmonMetric.WINDOW_T, tags, ref, WindowResult::t);
              gauge(TrigmonMetric.WINDOW_TAU, tags, ref, WindowResult::tau);
              gauge(TrigmonMetric.WINDOW_DELTA, tags, ref, WindowResult::delta);
              gauge(TrigmonMetric.WINDOW_EVENTS, tags, ref, r -> r.nEvents());
              gauge(
                  TrigmonMetric.WINDOW_EXPECTED_EVENTS,
                  tags,
                  ref,
                  r -> r.nExpected() == null ? Double.NaN : r.nExpected());
              return ref;
            })
        .set(result);
    RESULT_TIMES
            .computeIfAbsent(
                stream,
                s -> {
                  double[] cell = {Double.NaN};
                  Gauge.builder(TrigmonMetric.WINDOW_RESULT_TIME.micrometerName(), cell, c -> c[0])
                      .tags("stream", s)
                      .register(REGISTRY);
                  return cell;
                })[0] =
        System.currentTimeMillis() / 1000.0;
    result
        .nuHat()
        .forEach(
            (name, value) ->
                NUISANCES
                        .computeIfAbsent(
                            stream + "\u0000" + name,
                            key -> {
                              double[] cell = {Double.NaN};
                              Gauge.builder(
                                      TrigmonMetric.NUISANCE_HAT.micrometerName(), cell, c -> c[0])
                                  .tags("stream", stream, "nuisance", name)
                                  .register(REGISTRY);
                              return cell;
                            })[0] =
                    value);
    result
        .modelVersions()
        .forEach(
            (model, version) ->
                MODELS.computeIfAbsent(
                    stream + "\u0000" + model + "\u0000" + version,
                    key ->
                        Gauge.builder(TrigmonMetric.MODEL_INFO.micrometerName(), () -> 1.0)
                            .tags("stream", stream, "model", model, "version", version)
                            .register(REGISTRY)));
    Timer.builder(TrigmonMetric.WINDOW_LATENCY.micrometerName())
        .tag("stream", stream)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofMinutes(10))
        .register(REGISTRY)
        .record(latency.isNegative() ? Duration.ZERO : latency);
  }

  private static void gauge(
      TrigmonMetric metric,
      Tags tags,
      AtomicReference<WindowResult> ref,
      java.util.function.ToDoubleFunction<WindowResult> value) {
    Gauge.builder(
            metric.micrometerName(),
            ref,
            r -> r.get() == null ? Double.NaN : value.applyAsDouble(r.get()))
        .tags(tags)
        .register(REGISTRY);
  }

  /** Global job parameter: port of the TaskManagers' {@code /metrics} (see {@link #serveOnce}). */
  public static final String PORT_PARAMETER = "trigmon.metrics.port";

  /** Global job parameter: address the TaskManagers' {@code /metrics} binds to. */
  public static final String HOST_PARAMETER = "trigmon.metrics.host";

  private static HttpServer taskManagerServer;

  /**
   * Serves this JVM's registry once per JVM (a TaskManager runs several tasks) at {@code
   * http://host:port/metrics}, when the job's global parameters name a port; a second TaskManager
   * on the same host cannot bind the same port and goes without one (logged), as Flink's own
   * Prometheus reporter does with a fixed port.
   */
  public static synchronized void serveOnce(Map<String, String> jobParameters) {
    String port = jobParameters.get(PORT_PARAMETER);
    if (port == null || taskManagerServer != null) {
      return;
    }
    String host = jobParameters.getOrDefault(HOST_PARAMETER, "127.0.0.1");
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(host, Integer.parseInt(port)), 16);
      server.createContext("/metrics", MonitorMetrics::scrape);
      server.start();
      taskManagerServer = server;
    } catch (IOException e) {
      LoggerFactory.getLogger(MonitorMetrics.class)
          .warn(
              "cannot serve /metrics on {}:{} ({}); this TaskManager has none",
              host,
              port,
              e.toString());
    }
  }

  /**
   * Serves the registry at {@code http://127.0.0.1:port/metrics} (port 0: any free one) until the
   * returned server is stopped.
   */
  public static HttpServer serve(int port) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve /metrics on 127.0.0.1:" + port, e);
    }
    server.createContext("/metrics", MonitorMetrics::scrape);
    server.start();
    return server;
  }

  private static void scrape(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = REGISTRY.scrape().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
