package io.trigmon.stream.live;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

  private final HttpServer server;
  private final ExecutorService executor;

  private LiveServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts serving the page and the snapshot on host:port (port 0 for a free one). */
  public static LiveServer start(
      String host, int port, LiveSnapshot snapshot, LongSupplier clockMillis) {
    byte[] page = page();
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve the live page on " + host + ":" + port, e);
    }
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          if ("/".equals(path) || "/index.html".equals(path)) {
            respond(exchange, "text/html; charset=utf-8", page);
          } else if (API_PATH.equals(path)) {
            String stream = queryParameter(exchange.getRequestURI(), "stream");
            respond(
                exchange,
                "application/json; charset=utf-8",
                snapshot.bytes(stream, clockMillis.getAsLong()));
          } else {
            try (exchange) {
              exchange.sendResponseHeaders(404, -1);
            }
          }
        });
    ExecutorService executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "trigmon-live-http");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.start();
    return new LiveServer(server, executor);
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

  private static void respond(HttpExchange exchange, String contentType, byte[] body)
      throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!"GET".equals(method) && !"HEAD".equals(method)) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", contentType);
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      if ("HEAD".equals(method)) {
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
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
    return server.getAddress();
  }

  /** The page's URL. */
  public URI url() {
    return URI.create("http://" + address().getHostString() + ":" + address().getPort() + "/");
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
