package io.trigmon.stream.live;

import io.trigmon.stream.HttpEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;

/**
 * The live page's HTTP server: {@code GET /} the page (one HTML file with its script and styles
 * inline, no external resources), {@code GET /api/live?stream=NAME} the {@link LiveSnapshot} JSON
 * it polls. Binds to the configured address, loopback unless told otherwise.
 */
public final class LiveServer implements AutoCloseable {

  /** Path of the JSON endpoint. */
  public static final String API_PATH = "/api/live";

  private static final String PAGE_RESOURCE = "live.html";

  private final HttpEndpoint endpoint;

  private LiveServer(HttpEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  /** Starts serving the page and the snapshot on host:port (port 0 for a free one). */
  public static LiveServer start(
      String host, int port, LiveSnapshot snapshot, LongSupplier clockMillis) {
    byte[] page = page();
    return new LiveServer(
        HttpEndpoint.start(
            "live-page",
            host,
            port,
            exchange -> {
              String path = exchange.getRequestURI().getPath();
              if ("/".equals(path) || "/index.html".equals(path)) {
                HttpEndpoint.respond(exchange, "text/html; charset=utf-8", page);
              } else if (API_PATH.equals(path)) {
                String stream = queryParameter(exchange.getRequestURI(), "stream");
                HttpEndpoint.respond(
                    exchange,
                    "application/json; charset=utf-8",
                    snapshot.bytes(stream, clockMillis.getAsLong()));
              } else {
                HttpEndpoint.notFound(exchange);
              }
            }));
  }

  private static byte[] page() {
    try (InputStream in = LiveServer.class.getResourceAsStream(PAGE_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("live page resource missing: " + PAGE_RESOURCE);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A query parameter's decoded value, or null. */
  static String queryParameter(URI uri, String name) {
    String query = uri.getRawQuery();
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      if (name.equals(URLDecoder.decode(key, StandardCharsets.UTF_8))) {
        return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  /** The address it listens on. */
  public InetSocketAddress address() {
    return endpoint.address();
  }

  /** The page's URL. */
  public URI url() {
    return URI.create("http://" + address().getHostString() + ":" + address().getPort() + "/");
  }

  @Override
  public void close() {
    endpoint.close();
  }
}
