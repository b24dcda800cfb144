package io.trigmon.cli;

import io.trigmon.stream.ConfigException;
import io.trigmon.stream.StreamApp;
import io.trigmon.stream.StreamAppConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trigmon stream-app}: run the ingest and alert-hook Kafka Streams app until Ctrl-C. */
@Command(
    name = "stream-app",
    mixinStandardHelpOptions = true,
    description = {
      "Run the Kafka Streams app: events.raw -> decode + validate -> events.valid, bad records to"
          + " events.dlq with the reason in headers; alert hooks on monitor.results (webhooks)."
          + " Metrics (trigmon_events_total, trigmon_dlq_events_total{reason}, Kafka Streams) on"
          + " http://127.0.0.1:9464/metrics unless configured otherwise; the live page (Z per"
          + " window with the alarm threshold, tau and delta, nuisances, AE scores, event and"
          + " dead-letter rates) on http://127.0.0.1:9466/ (live.port; -1 for none).",
      "Configuration keys (see StreamAppConfig, KafkaSecurity, AlertConfig): bootstrap.servers,"
          + " application.id, processing.guarantee (exactly_once_v2 | at_least_once),"
          + " num.stream.threads, state.dir, metrics.host, metrics.port, security.protocol, sasl.*,"
          + " ssl.truststore.*, alert.z.on, alert.z.off, alert.windows, alert.drift.pull,"
          + " alert.stale.after.ms, alert.webhook.urls, alert.webhook.secret, live.host,"
          + " live.port, live.history, live.rate.interval.ms, kafka.<any Kafka property>."
    },
    footer = {
      "",
      "Examples:",
      "  ./trigmon stream-app --bootstrap 127.0.0.1:9092",
      "  ./trigmon stream-app --config deploy/stream-app.properties",
      "  ./trigmon stream-app --config app.properties --set processing.guarantee=at_least_once"
    })
public final class StreamAppCommand implements Callable<Integer> {

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Properties file with the keys above.")
  Path config;

  @Option(
      names = "--bootstrap",
      paramLabel = "HOST:PORT",
      description =
          "Kafka bootstrap servers (overrides bootstrap.servers; default 127.0.0.1:9092).")
  String bootstrap;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Set one configuration key (repeatable; overrides the file).")
  Map<String, String> set = new LinkedHashMap<>();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    StreamAppConfig appConfig = appConfig();
    PrintWriter out = spec.commandLine().getOut();
    CountDownLatch stopped = new CountDownLatch(1);
    StreamApp app = new StreamApp(appConfig);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.close();
                  stopped.countDown();
                }));
    app.start();
    out.println(
        "stream app running ("
            + appConfig.processingGuarantee()
            + ") on "
            + appConfig.bootstrapServers());
    app.metricsServer()
        .ifPresent(
            m ->
                out.println(
                    "  metrics: http://"
                        + m.address().getHostString()
                        + ":"
                        + m.address().getPort()
                        + "/metrics"));
    app.livePage().ifPresent(page -> out.println("  live page: " + page.url()));
    out.println("Press Ctrl-C to stop.");
    out.flush();
    stopped.await();
    return 0;
  }

  StreamAppConfig appConfig() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put(StreamAppConfig.BOOTSTRAP_SERVERS, "127.0.0.1:9092");
    if (config != null) {
      if (!Files.isReadable(config)) {
        throw new UserException("--config " + config + " does not exist or is not readable");
      }
      Properties p = new Properties();
      try (Reader reader = Files.newBufferedReader(config)) {
        p.load(reader);
      } catch (IOException e) {
        throw new UserException("--config " + config + ": " + e.getMessage());
      }
      p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k).trim()));
    }
    values.putAll(set);
    if (bootstrap != null) {
      values.put(StreamAppConfig.BOOTSTRAP_SERVERS, bootstrap);
    }
    try {
      return StreamAppConfig.fromMap(values);
    } catch (ConfigException e) {
      throw new UserException(e.getMessage());
    }
  }
}
