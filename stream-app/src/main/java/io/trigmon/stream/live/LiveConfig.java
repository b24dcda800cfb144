package io.trigmon.stream.live;

import io.trigmon.metrics.MetricsEndpoints;
import io.trigmon.stream.ConfigException;
import io.trigmon.stream.StreamAppConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Settings of the live page (keys of {@link StreamAppConfig} under {@value #PREFIX}).
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>Key</th><th>Default</th><th>Meaning</th></tr>
 *   <tr><td>{@code live.host}</td><td>{@code 127.0.0.1}</td><td>address the page is served on;
 *       loopback unless set</td></tr>
 *   <tr><td>{@code live.port}</td><td>{@value io.trigmon.metrics.MetricsEndpoints#LIVE_PAGE_PORT}
 *       </td><td>its port; 0 for a free one, -1 for no live page</td></tr>
 *   <tr><td>{@code live.history}</td><td>500</td><td>window results kept per stream (the
 *       newest)</td></tr>
 *   <tr><td>{@code live.rate.interval.ms}</td><td>5000</td><td>how often the event and
 *       dead-letter counters are sampled for the rate panels (the last 180 samples are
 *       kept)</td></tr>
 * </table>
 *
 * @param host address of the page
 * @param port port of the page, 0 free, -1 disabled
 * @param history window results kept per stream
 * @param rateInterval counter sampling period
 */
public record LiveConfig(String host, int port, int history, Duration rateInterval) {

  /** Prefix of the live-page keys. */
  public static final String PREFIX = "live.";

  public static final String HOST = "live.host";
  public static final String PORT = "live.port";
  public static final String HISTORY = "live.history";
  public static final String RATE_INTERVAL_MS = "live.rate.interval.ms";

  /** Default port of the page. */
  public static final int DEFAULT_PORT = MetricsEndpoints.LIVE_PAGE_PORT;

  /** Default number of windows kept per stream. */
  public static final int DEFAULT_HISTORY = 500;

  private static final List<String> KEYS = List.of(HOST, PORT, HISTORY, RATE_INTERVAL_MS);

  public LiveConfig {
    if (host == null || host.isBlank()) {
      throw new ConfigException(HOST, "must not be blank");
    }
    if (port < -1 || port > 65_535) {
      throw new ConfigException(
          PORT, "must be -1 (no live page), 0 (a free port) or 1-65535, got " + port);
    }
    if (history < 1 || history > 100_000) {
      throw new ConfigException(HISTORY, "must be 1-100000, got " + history);
    }
    if (rateInterval.toMillis() < 100) {
      throw new ConfigException(
          RATE_INTERVAL_MS, "must be at least 100, got " + rateInterval.toMillis());
    }
  }

  /** The defaults. */
  public static LiveConfig defaults() {
    return fromMap(Map.of());
  }

  /** The live-page settings in a map of all configuration keys. */
  public static LiveConfig fromMap(Map<String, String> values) {
    for (String key : values.keySet()) {
      if (key.startsWith(PREFIX) && !KEYS.contains(key)) {
        throw new ConfigException(key, "unknown live-page key (known: " + KEYS + ")");
      }
    }
    return new LiveConfig(
        values.getOrDefault(HOST, "127.0.0.1"),
        StreamAppConfig.intValue(values, PORT, DEFAULT_PORT),
        StreamAppConfig.intValue(values, HISTORY, DEFAULT_HISTORY),
        Duration.ofMillis(StreamAppConfig.intValue(values, RATE_INTERVAL_MS, 5_000)));
  }

  /** Whether a live page is served at all. */
  public boolean enabled() {
    return port >= 0;
  }

  public LiveConfig withPort(int newPort) {
    return new LiveConfig(host, newPort, history, rateInterval);
  }
}
