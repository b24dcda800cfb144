package io.trigmon.stream.live;

import io.trigmon.stream.StreamAppConfig;
import io.trigmon.stream.ingest.IngestMetrics;
import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The running live page of a stream app: the {@link LiveFeed} filling the {@link WindowHistory}
 * from {@code monitor.results}, a timer sampling the ingest counters into {@link IngestRates}, and
 * the {@link LiveServer} answering the browser.
 */
public final class LivePage implements AutoCloseable {

  /** Rate samples kept: 15 minutes at the default 5 s interval. */
  static final int RATE_SAMPLES = 180;

  private final WindowHistory history;
  private final LiveFeed feed;
  private final ScheduledExecutorService sampler;
  private final LiveServer server;

  private LivePage(
      WindowHistory history, LiveFeed feed, ScheduledExecutorService sampler, LiveServer server) {
    this.history = history;
    this.feed = feed;
    this.sampler = sampler;
    this.server = server;
  }

  /** Starts the page of an app whose ingest counters are {@code metrics}. */
  public static LivePage start(StreamAppConfig config, IngestMetrics metrics) {
    LiveConfig live = config.live();
    WindowHistory history = new WindowHistory(live.history());
    IngestRates rates = new IngestRates(metrics, RATE_SAMPLES);
    LiveServer server =
        LiveServer.start(
            live.host(),
            live.port(),
            new LiveSnapshot(history, rates, config.alerts(), live),
            System::currentTimeMillis);
    ScheduledExecutorService sampler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "trigmon-live-rates");
              t.setDaemon(true);
              return t;
            });
    long period = live.rateInterval().toMillis();
    sampler.scheduleAtFixedRate(
        () -> rates.sample(System.currentTimeMillis()), 0, period, TimeUnit.MILLISECONDS);
    return new LivePage(history, LiveFeed.start(config, history), sampler, server);
  }

  /** The page's URL. */
  public URI url() {
    return server.url();
  }

  /** The windows held so far. */
  public WindowHistory history() {
    return history;
  }

  @Override
  public void close() {
    server.close();
    sampler.shutdownNow();
    feed.close();
  }
}
