package io.trigmon.stream.alert;

import io.trigmon.stream.Secret;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs alerts to webhooks in the Alertmanager webhook format ({@link AlertmanagerPayload}), signed
 * with HMAC-SHA256 over the body: header {@value #SIGNATURE_HEADER}{@code : sha256=<hex>}. Sending
 * happens on its own executor with retries and exponential backoff, so a slow or dead receiver
 * never blocks the stream thread; when more than {@value #MAX_PENDING} deliveries are pending, new
 * ones are dropped (and counted) rather than growing the heap.
 */
public final class WebhookNotifier implements AlertSink, AutoCloseable {

  /** Header carrying the signature. */
  public static final String SIGNATURE_HEADER = "X-Trigmon-Signature";

  /** Most deliveries waiting or retrying at once. */
  public static final int MAX_PENDING = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(WebhookNotifier.class);

  private final List<URI> urls;
  private final Optional<Secret> secret;
  private final int retries;
  private final Duration backoff;
  private final HttpClient client;
  private final ScheduledExecutorService executor;
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  public WebhookNotifier(AlertConfig config) {
    this.urls = config.webhooks();
    this.secret = config.secret();
    this.retries = config.retries();
    this.backoff = config.backoff();
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    ScheduledThreadPoolExecutor pool =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "trigmon-webhooks");
              t.setDaemon(true);
              return t;
            });
    pool.setRemoveOnCancelPolicy(true);
    this.executor = pool;
  }

  @Override
  public void accept(Alert alert) {
    byte[] body = AlertmanagerPayload.of(alert);
    for (URI url : urls) {
      if (pending.incrementAndGet() > MAX_PENDING) {
        pending.decrementAndGet();
        failed.incrementAndGet();
        LOG.warn(
            "webhook queue full; dropped {} ({})",
            alert.key(),
            alert.firing() ? "firing" : "resolved");
        continue;
      }
      executor.execute(() -> attempt(url, body, alert.key(), 0));
    }
  }

  private void attempt(URI url, byte[] body, String key, int attempt) {
    boolean ok = false;
    String problem;
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(url)
              .timeout(Duration.ofSeconds(10))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      secret.ifPresent(s -> request.header(SIGNATURE_HEADER, signature(s, body)));
      HttpResponse<Void> response =
          client.send(request.build(), HttpResponse.BodyHandlers.discarding());
      ok = response.statusCode() / 100 == 2;
      problem = "HTTP " + response.statusCode();
    } catch (java.io.IOException e) {
      problem = e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pending.decrementAndGet();
      return;
    }
    if (ok) {
      delivered.incrementAndGet();
      pending.decrementAndGet();
    } else if (attempt < retries && !executor.isShutdown()) {
      long delay = backoff.toMillis() << Math.min(attempt, 16);
      LOG.warn(
          "webhook {} for {} failed ({}); retry {} in {} ms",
          url,
          key,
          problem,
          attempt + 1,
          delay);
      executor.schedule(() -> attempt(url, body, key, attempt + 1), delay, TimeUnit.MILLISECONDS);
    } else {
      failed.incrementAndGet();
      pending.decrementAndGet();
      LOG.error("webhook {} for {} failed after {} attempts ({})", url, key, attempt + 1, problem);
    }
  }

  /** {@code sha256=<hex of HMAC-SHA256(secret, body)>}. */
  public static String signature(Secret secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Deliveries acknowledged with a 2xx. */
  public long delivered() {
    return delivered.get();
  }

  /** Deliveries given up (retries exhausted, or dropped on a full queue). */
  public long failed() {
    return failed.get();
  }

  @Override
  public void close() {
    executor.shutdown();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    executor.shutdownNow();
  }
}
