package io.trigmon.stream;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.trigmon.metrics.MetricsEndpoints;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP endpoint Prometheus scrapes: {@code GET /metrics} in the Prometheus text format. It
 * binds to the configured address, loopback unless told otherwise ({@link StreamAppConfig}), and
 * serves nothing else.
 */
public final class MetricsServer implements AutoCloseable {

  /** The path of the endpoint. */
  public static final String PATH = MetricsEndpoints.PATH;

  private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpEndpoint endpoint;

  private MetricsServer(HttpEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  /** Starts serving the registry on host:port (port 0 for a free one). */
  public static MetricsServer start(String host, int port, PrometheusMeterRegistry registry) {
    return new MetricsServer(
        HttpEndpoint.start(
            "metrics",
            host,
            port,
            exchange -> {
              if (PATH.equals(exchange.getRequestURI().getPath())) {
                HttpEndpoint.respond(
                    exchange, CONTENT_TYPE, registry.scrape().getBytes(StandardCharsets.UTF_8));
              } else {
                HttpEndpoint.notFound(exchange);
              }
            }));
  }

  /** The address it listens on. */
  public InetSocketAddress address() {
    return endpoint.address();
  }

  @Override
  public void close() {
    endpoint.close();
  }
}
