package io.trigmon.metrics;

/**
 * The default ports and path of the Prometheus {@code /metrics} endpoints, the one place the
 * Prometheus scrape configuration, docker-compose and Kubernetes files are checked against.
 */
public final class MetricsEndpoints {

  /** Path of every metrics endpoint. */
  public static final String PATH = "/metrics";

  /** Default port of the stream app's endpoint (ingest counters, Kafka Streams metrics, lag). */
  public static final int STREAM_APP_PORT = 9464;

  /** Default port of the Flink monitor job's endpoint (window results, AE scores). */
  public static final int MONITOR_PORT = 9465;

  /**
   * Default port of the stream app's built-in live page ({@code http://127.0.0.1:9466/}): not a
   * metrics endpoint, but kept here so every default port of the project is in one place.
   */
  public static final int LIVE_PAGE_PORT = 9466;

  /**
   * Port of Flink's own {@code PrometheusReporter} (Flink's documented default) on the JobManager;
   * on one host the TaskManagers take the next ports ({@code metrics.reporter.prom.port:
   * 9249-9250}). Flink runtime metrics, among them the Kafka source's {@code pendingRecords}: the
   * monitor job's consumer lag.
   */
  public static final int FLINK_REPORTER_PORT = 9249;

  private MetricsEndpoints() {}
}
