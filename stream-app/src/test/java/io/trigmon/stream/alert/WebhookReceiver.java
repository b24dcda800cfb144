package io.trigmon.stream.alert;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** A webhook receiver on loopback for tests: answers 500 to the first n requests, then 200. */
final class WebhookReceiver implements AutoCloseable {

  record Delivery(byte[] body, String signature) {}

  private final HttpServer server;
  private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
  private final AtomicInteger attempts = new AtomicInteger();
  private final AtomicInteger arrived = new AtomicInteger();

  WebhookReceiver(int failFirst) throws IOException {
    this(failFirst, new java.util.concurrent.CountDownLatch(0));
  }

  /** A receiver whose answers wait until {@code gate} opens. */
  WebhookReceiver(int failFirst, java.util.concurrent.CountDownLatch gate) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.createContext(
        "/hook",
        exchange -> {
          try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            arrived.incrementAndGet();
            try {
              gate.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            if (attempts.incrementAndGet() <= failFirst) {
              exchange.sendResponseHeaders(500, -1);
              return;
            }
            deliveries.add(
                new Delivery(
                    body, exchange.getRequestHeaders().getFirst(WebhookNotifier.SIGNATURE_HEADER)));
            exchange.sendResponseHeaders(200, -1);
          }
        });
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
  }

  BlockingQueue<Delivery> deliveries() {
    return deliveries;
  }

  int arrived() {
    return arrived.get();
  }

  int attempts() {
    return attempts.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
