package io.trigmon.stream;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.trigmon.stream.alert.AlertTopology;
import io.trigmon.stream.alert.WebhookNotifier;
import io.trigmon.stream.ingest.IngestMetrics;
import io.trigmon.stream.ingest.IngestTopology;
import io.trigmon.stream.live.LivePage;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stream app (DESIGN §1): the ingest topology ({@code events.raw} → {@code events.valid} /
 * {@code events.dlq}) and the alert hooks ({@code monitor.results} → webhooks) in one Kafka Streams
 * application, its metrics on {@code /metrics} and the built-in live page ({@link LivePage}).
 *
 * <p>{@link #buildTopology(StreamsBuilder)} wires the processors and {@link
 * #streamsConfig(StreamAppConfig)} gives the Kafka Streams properties; tests drive the first with a
 * {@code TopologyTestDriver} and {@link #start()} puts both together against a broker. A failing
 * stream thread is replaced, never left dead; a bad record never reaches that point (it goes to the
 * dead-letter topic).
 */
public final class StreamApp implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StreamApp.class);

  private final StreamAppConfig config;
  private final PrometheusMeterRegistry registry;
  private final IngestMetrics ingestMetrics;
  private final WebhookNotifier notifier;
  private KafkaStreams streams;
  private KafkaStreamsMetrics streamsMetrics;
  private MetricsServer metricsServer;
  private LivePage livePage;

  public StreamApp(StreamAppConfig config) {
    this(config, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  public StreamApp(StreamAppConfig config, PrometheusMeterRegistry registry) {
    this.config = config;
    this.registry = registry;
    this.ingestMetrics = new IngestMetrics(registry);
    this.notifier = new WebhookNotifier(config.alerts());
  }

  /** Adds every processor of the app to the builder. */
  public void buildTopology(StreamsBuilder builder) {
    new IngestTopology(ingestMetrics).buildTopology(builder);
    new AlertTopology(config.alerts(), notifier).buildTopology(builder);
  }

  /** The topology of the app. */
  public Topology topology() {
    StreamsBuilder builder = new StreamsBuilder();
    buildTopology(builder);
    return builder.build();
  }

  /** The Kafka Streams properties of a configuration. */
  public static Properties streamsConfig(StreamAppConfig config) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.processingGuarantee());
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.numStreamThreads());
    p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
    p.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueExceptionHandler.class);
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    // Large batches on a fast local broker; the transaction timeout stays within the broker's max.
    p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5);
    p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
    p.putAll(config.security().clientProperties());
    p.putAll(config.kafkaOverrides());
    return p;
  }

  /** Starts the Kafka Streams application, the metrics endpoint and the live page. */
  public synchronized void start() {
    if (streams != null) {
      throw new IllegalStateException("already started");
    }
    LOG.info("starting the stream app: {}", config);
    streams = new KafkaStreams(topology(), streamsConfig(config));
    streams.setUncaughtExceptionHandler(
        e -> {
          LOG.error("stream thread failed; replacing it", e);
          return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    streamsMetrics = new KafkaStreamsMetrics(streams);
    streamsMetrics.bindTo(registry);
    if (config.metricsPort() >= 0) {
      metricsServer = MetricsServer.start(config.metricsHost(), config.metricsPort(), registry);
      LOG.info("metrics on http://{}{}", hostPort(metricsServer), MetricsServer.PATH);
    }
    if (config.live().enabled()) {
      livePage = LivePage.start(config, ingestMetrics);
      LOG.info("live page on {}", livePage.url());
    }
    streams.start();
  }

  private static String hostPort(MetricsServer server) {
    return server.address().getHostString() + ":" + server.address().getPort();
  }

  /** The Kafka Streams state, or empty before {@link #start()}. */
  public synchronized Optional<KafkaStreams.State> state() {
    return Optional.ofNullable(streams).map(KafkaStreams::state);
  }

  /** The metrics endpoint, when one runs. */
  public synchronized Optional<MetricsServer> metricsServer() {
    return Optional.ofNullable(metricsServer);
  }

  /** The live page, when one runs. */
  public synchronized Optional<LivePage> livePage() {
    return Optional.ofNullable(livePage);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public IngestMetrics ingestMetrics() {
    return ingestMetrics;
  }

  @Override
  public synchronized void close() {
    if (streams != null) {
      streams.close(Duration.ofSeconds(30));
    }
    if (streamsMetrics != null) {
      streamsMetrics.close();
    }
    if (metricsServer != null) {
      metricsServer.close();
    }
    if (livePage != null) {
      livePage.close();
    }
    notifier.close();
  }

  /** Runs the app with a configuration file until the JVM is stopped. */
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: StreamApp <config.properties>");
      System.exit(2);
    }
    StreamAppConfig config = StreamAppConfig.load(java.nio.file.Path.of(args[0]));
    CountDownLatch stopped = new CountDownLatch(1);
    StreamApp app = new StreamApp(config);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.close();
                  stopped.countDown();
                }));
    app.start();
    stopped.await();
  }
}
