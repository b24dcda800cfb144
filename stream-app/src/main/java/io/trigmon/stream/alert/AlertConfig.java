package io.trigmon.stream.alert;

import io.trigmon.stream.ConfigException;
import io.trigmon.stream.Secret;
import io.trigmon.stream.StreamAppConfig;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of the alert hooks (keys of {@link StreamAppConfig} under {@value #PREFIX}).
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>Key</th><th>Default</th><th>Meaning</th></tr>
 *   <tr><td>{@code alert.z.on}</td><td>3.0</td><td>Z at or above which a window counts towards
 *       raising</td></tr>
 *   <tr><td>{@code alert.z.off}</td><td>2.0</td><td>Z below which a raised alert clears (must be
 *       ≤ z.on: the gap is the hysteresis)</td></tr>
 *   <tr><td>{@code alert.windows}</td><td>3</td><td>k, consecutive windows at or above z.on to
 *       raise</td></tr>
 *   <tr><td>{@code alert.drift.pull}</td><td>3.0</td><td>calibration drift when some |ν̂ − ν_A|
 *       (in units of its σ) reaches this</td></tr>
 *   <tr><td>{@code alert.stale.after.ms}</td><td>300000</td><td>stale stream when no window
 *       result arrived for this long (wall clock)</td></tr>
 *   <tr><td>{@code alert.stale.check.ms}</td><td>10000</td><td>how often staleness is
 *       checked</td></tr>
 *   <tr><td>{@code alert.webhook.urls}</td><td>none</td><td>comma-separated http(s) URLs to POST
 *       alerts to</td></tr>
 *   <tr><td>{@code alert.webhook.secret}</td><td>none</td><td>HMAC-SHA256 key; when set each POST
 *       carries {@code X-Trigmon-Signature: sha256=<hex>}</td></tr>
 *   <tr><td>{@code alert.webhook.retries}</td><td>5</td><td>attempts after the first</td></tr>
 *   <tr><td>{@code alert.webhook.backoff.ms}</td><td>500</td><td>first retry delay, doubled
 *       each time</td></tr>
 * </table>
 *
 * @param zOn raise threshold
 * @param zOff clear threshold
 * @param windows consecutive windows to raise
 * @param driftPull calibration-drift threshold in σ
 * @param staleAfter staleness timeout
 * @param staleCheck staleness check period
 * @param webhooks webhook URLs
 * @param secret HMAC key
 * @param retries retries after the first attempt
 * @param backoff first retry delay
 */
public record AlertConfig(
    double zOn,
    double zOff,
    int windows,
    double driftPull,
    Duration staleAfter,
    Duration staleCheck,
    List<URI> webhooks,
    Optional<Secret> secret,
    int retries,
    Duration backoff) {

  /** Prefix of the alert keys. */
  public static final String PREFIX = "alert.";

  public static final String Z_ON = "alert.z.on";
  public static final String Z_OFF = "alert.z.off";
  public static final String WINDOWS = "alert.windows";
  public static final String DRIFT_PULL = "alert.drift.pull";
  public static final String STALE_AFTER_MS = "alert.stale.after.ms";
  public static final String STALE_CHECK_MS = "alert.stale.check.ms";
  public static final String WEBHOOK_URLS = "alert.webhook.urls";
  public static final String WEBHOOK_SECRET = "alert.webhook.secret";
  public static final String WEBHOOK_RETRIES = "alert.webhook.retries";
  public static final String WEBHOOK_BACKOFF_MS = "alert.webhook.backoff.ms";

  private static final List<String> KEYS =
      List.of(
          Z_ON,
          Z_OFF,
          WINDOWS,
          DRIFT_PULL,
          STALE_AFTER_MS,
          STALE_CHECK_MS,
          WEBHOOK_URLS,
          WEBHOOK_SECRET,
          WEBHOOK_RETRIES,
          WEBHOOK_BACKOFF_MS);

  public AlertConfig {
    if (!Double.isFinite(zOn)) {
      throw new ConfigException(Z_ON, "must be a finite number, got " + zOn);
    }
    if (!Double.isFinite(zOff) || zOff > zOn) {
      throw new ConfigException(
          Z_OFF, "must be finite and at most " + Z_ON + "=" + zOn + ", got " + zOff);
    }
    if (windows < 1) {
      throw new ConfigException(WINDOWS, "must be at least 1, got " + windows);
    }
    if (!(driftPull > 0)) {
      throw new ConfigException(DRIFT_PULL, "must be positive, got " + driftPull);
    }
    if (staleAfter.isNegative() || staleAfter.isZero()) {
      throw new ConfigException(STALE_AFTER_MS, "must be positive, got " + staleAfter.toMillis());
    }
    if (staleCheck.isNegative() || staleCheck.isZero()) {
      throw new ConfigException(STALE_CHECK_MS, "must be positive, got " + staleCheck.toMillis());
    }
    webhooks = List.copyOf(webhooks);
    if (retries < 0) {
      throw new ConfigException(WEBHOOK_RETRIES, "must be at least 0, got " + retries);
    }
    if (backoff.isNegative()) {
      throw new ConfigException(
          WEBHOOK_BACKOFF_MS, "must not be negative, got " + backoff.toMillis());
    }
  }

  /** The defaults, without webhooks. */
  public static AlertConfig defaults() {
    return fromMap(Map.of());
  }

  /** The alert settings in a map of all configuration keys. */
  public static AlertConfig fromMap(Map<String, String> values) {
    for (String key : values.keySet()) {
      if (key.startsWith(PREFIX) && !KEYS.contains(key)) {
        throw new ConfigException(key, "unknown alert key (known: " + KEYS + ")");
      }
    }
    return new AlertConfig(
        StreamAppConfig.doubleValue(values, Z_ON, 3.0),
        StreamAppConfig.doubleValue(values, Z_OFF, 2.0),
        StreamAppConfig.intValue(values, WINDOWS, 3),
        StreamAppConfig.doubleValue(values, DRIFT_PULL, 3.0),
        Duration.ofMillis(StreamAppConfig.intValue(values, STALE_AFTER_MS, 300_000)),
        Duration.ofMillis(StreamAppConfig.intValue(values, STALE_CHECK_MS, 10_000)),
        urls(values.get(WEBHOOK_URLS)),
        Optional.ofNullable(values.get(WEBHOOK_SECRET)).filter(s -> !s.isEmpty()).map(Secret::of),
        StreamAppConfig.intValue(values, WEBHOOK_RETRIES, 5),
        Duration.ofMillis(StreamAppConfig.intValue(values, WEBHOOK_BACKOFF_MS, 500)));
  }

  private static List<URI> urls(String text) {
    List<URI> urls = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return urls;
    }
    for (String part : text.split(",")) {
      String url = part.trim();
      URI uri;
      try {
        uri = URI.create(url);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(WEBHOOK_URLS, "not a URL: '" + url + "'");
      }
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
          || uri.getHost() == null) {
        throw new ConfigException(WEBHOOK_URLS, "must be http(s)://host..., got '" + url + "'");
      }
      urls.add(uri);
    }
    return urls;
  }

  public AlertConfig withWebhooks(List<URI> urls, Optional<Secret> key) {
    return new AlertConfig(
        zOn, zOff, windows, driftPull, staleAfter, staleCheck, urls, key, retries, backoff);
  }
}
