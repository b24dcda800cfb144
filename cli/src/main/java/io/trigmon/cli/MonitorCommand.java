package io.trigmon.cli;

import com.sun.net.httpserver.HttpServer;
import io.trigmon.flink.MonitorJob;
import io.trigmon.flink.MonitorMetrics;
import io.trigmon.flink.MonitorModels;
import io.trigmon.flink.MonitorSettings;
import io.trigmon.flink.cluster.FlinkClusterException;
import io.trigmon.flink.cluster.FlinkRestClient;
import io.trigmon.flink.cluster.StandaloneCluster;
import io.trigmon.metrics.MetricsEndpoints;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trigmon monitor}: runs the Flink monitor job ({@link MonitorJob}) in a local MiniCluster
 * in this JVM, reading {@code events.valid} and writing {@code monitor.results} and {@code
 * events.dlq} on the given broker, until Ctrl-C; or, with {@code --cluster}, submits the job jar to
 * a running Flink cluster (detached) and prints the job id and its web page.
 */
@Command(
    name = "monitor",
    mixinStandardHelpOptions = true,
    description = {
      "Run the monitor job (Flink, local MiniCluster): read events.valid, test every event-time"
          + " window of every stream against the reference with the kernel NPLM test, and write"
          + " one result per window (t, tau, delta, nu_hat, p, Z) to monitor.results"
          + " (exactly-once); unusable records go to events.dlq. Runs until Ctrl-C.",
      "The model directory holds nplm/ (the reference model written by 'trigmon nplm"
          + " --save-model'), optionally calibration/ (without it, no p and Z) and autoencoder/"
          + " (without it, no anomaly scores).",
      "With --cluster HOST:PORT the job jar (flink-jobs/target/*-job.jar) is uploaded to that"
          + " Flink cluster's REST endpoint and started detached; the broker address and the model"
          + " directory must be valid on the cluster's machines. A local standalone cluster:"
          + " deploy/local/flink-cluster.sh start."
    },
    footer = {
      "",
      "Examples:",
      "  ./trigmon monitor --bootstrap 127.0.0.1:9092 --models models/",
      "  ./trigmon monitor --bootstrap 127.0.0.1:9092 --models models/ --window PT10S",
      "  ./trigmon monitor --bootstrap 127.0.0.1:9092 --models models/ --expected-rate 95",
      "  ./trigmon monitor --bootstrap 127.0.0.1:9092 --models models/ --cluster 127.0.0.1:8081"
    })
public final class MonitorCommand implements Callable<Integer> {

  @Option(
      names = "--bootstrap",
      required = true,
      paramLabel = "HOST:PORT",
      description = "Kafka bootstrap servers.")
  String bootstrap;

  @Option(
      names = "--models",
      required = true,
      paramLabel = "DIR",
      description =
          "Model directory with nplm/, optionally nuisance/ (δ̂ model from 'trigmon nuisance"
              + " train'), calibration/ (made with that δ̂ model) and autoencoder/.")
  Path models;

  @Option(
      names = "--window",
      paramLabel = "DURATION",
      description = "Window length, ISO-8601 (e.g. PT10S); default one lumisection (PT23.311S).")
  String window;

  @Option(
      names = "--allowed-lateness",
      paramLabel = "DURATION",
      defaultValue = "PT5S",
      description = "Late events within this are still counted (default: ${DEFAULT-VALUE}).")
  String lateness;

  @Option(
      names = "--expected-rate",
      paramLabel = "HZ",
      description =
          "Expected rate of selected dilepton events (Hz): N(R0) = rate x window length."
              + " Default: none, a shape-only test with a free normalisation.")
  Double expectedRate;

  @Option(
      names = "--luminosity",
      paramLabel = "TOPIC",
      description =
          "Topic of expected counts per stream and interval (JSON: stream, start_ms, end_ms,"
              + " expected_events), e.g. monitor.luminosity: N(R0) of each window, else"
              + " --expected-rate, else shape-only.")
  String luminosity;

  @Option(
      names = "--aux",
      paramLabel = "NAME=NU",
      description =
          "Auxiliary measurement ν_A (σ units) of a nuisance of nuisance/ or of norm; default 0.")
  Map<String, Double> aux = new LinkedHashMap<>();

  @Option(
      names = "--parallelism",
      paramLabel = "N",
      defaultValue = "2",
      description = "Parallelism of the job (default: ${DEFAULT-VALUE}).")
  int parallelism;

  @Option(
      names = "--cluster",
      paramLabel = "HOST:PORT",
      description =
          "Submit the job to this Flink cluster's REST endpoint (detached) instead of running it"
              + " here.")
  String cluster;

  @Option(
      names = "--job-jar",
      paramLabel = "JAR",
      description = "With --cluster: the job jar to upload (default: the build's flink-jobs jar).")
  Path jobJar;

  @Option(
      names = "--metrics-port",
      paramLabel = "PORT",
      defaultValue = "" + MetricsEndpoints.MONITOR_PORT,
      description =
          "Serve the trigmon_* metrics at http://127.0.0.1:PORT/metrics; 0 for a free port,"
              + " -1 for none (default: ${DEFAULT-VALUE}). With --cluster each TaskManager serves"
              + " them on that port (one per host binds it).")
  int metricsPort;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    MonitorSettings settings = settings();
    if (cluster != null) {
      return submit(settings);
    }
    HttpServer metrics = null;
    if (metricsPort >= 0) {
      try {
        metrics = MonitorMetrics.serve(metricsPort);
      } catch (UncheckedIOException e) {
        throw new UserException(
            "--metrics-port: cannot listen on 127.0.0.1:"
                + metricsPort
                + " (try --metrics-port 0)");
      }
      spec.commandLine()
          .getOut()
          .println("Metrics: http://127.0.0.1:" + metrics.getAddress().getPort() + "/metrics");
      spec.commandLine().getOut().flush();
    }
    try {
      run(settings);
    } finally {
      if (metrics != null) {
        metrics.stop(0);
      }
    }
    return 0;
  }

  private void run(MonitorSettings settings) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(parallelism);
    new MonitorJob(
            MonitorJob.kafkaSource(bootstrap, "events.valid"),
            luminosity == null ? null : MonitorJob.kafkaSource(bootstrap, luminosity),
            MonitorJob.resultsSink(bootstrap, "monitor.results"),
            MonitorJob.deadLetterSink(bootstrap, "events.dlq"),
            settings)
        .execute(env);
  }

  /** Uploads the job jar to {@link #cluster} and runs it detached with these settings. */
  private int submit(MonitorSettings settings) {
    if (jobJar != null && !Files.isRegularFile(jobJar)) {
      throw new UserException("--job-jar: " + jobJar + " is not a file");
    }
    try {
      Path jar =
          jobJar != null
              ? jobJar
              : StandaloneCluster.jobJar(
                  Path.of(System.getProperty("trigmon.home", ".")).toAbsolutePath());
      FlinkRestClient rest = FlinkRestClient.of(cluster);
      rest.overview();
      String job = rest.runJar(rest.uploadJar(jar), jobArguments(settings), parallelism);
      var out = spec.commandLine().getOut();
      out.println("Submitted job " + job + " to " + rest.base());
      out.println("Web UI: " + rest.jobPage(job));
      out.println("Cancel: curl -X PATCH '" + rest.base() + "/jobs/" + job + "?mode=cancel'");
      out.flush();
      return 0;
    } catch (FlinkClusterException e) {
      throw new UserException(
          "--cluster: "
              + e.getMessage()
              + " (a local cluster: deploy/local/flink-cluster.sh start, then its REST port)");
    }
  }

  /** The job's own command line ({@link io.trigmon.flink.MonitorArguments}) for these settings. */
  List<String> jobArguments(MonitorSettings settings) {
    List<String> args = new ArrayList<>();
    args.addAll(List.of("--bootstrap", bootstrap));
    args.addAll(List.of("--models", models.toAbsolutePath().toString()));
    args.addAll(List.of("--window", settings.window().toString()));
    args.addAll(List.of("--allowed-lateness", settings.allowedLateness().toString()));
    if (settings.expectedRateHz() != null) {
      args.addAll(List.of("--expected-rate", settings.expectedRateHz().toString()));
    }
    if (luminosity != null) {
      args.addAll(List.of("--luminosity", luminosity));
    }
    if (metricsPort > 0) {
      args.addAll(List.of("--metrics-port", Integer.toString(metricsPort)));
    }
    if (!settings.aux().isEmpty()) {
      List<String> pairs = new ArrayList<>();
      settings.aux().forEach((name, nu) -> pairs.add(name + "=" + nu));
      args.addAll(List.of("--aux", String.join(",", pairs)));
    }
    return args;
  }

  MonitorSettings settings() {
    if (!Files.isDirectory(models.resolve(MonitorModels.NPLM))) {
      throw new UserException(
          "--models: "
              + models
              + " has no "
              + MonitorModels.NPLM
              + "/ reference model (write one with 'trigmon nplm ... --save-model')");
    }
    if (parallelism < 1) {
      throw new UserException("--parallelism must be at least 1, got " + parallelism);
    }
    try {
      MonitorSettings settings =
          MonitorSettings.defaults(models.toString())
              .withAllowedLateness(duration("--allowed-lateness", lateness))
              .withExpectedRate(expectedRate)
              .withAux(aux);
      return window == null ? settings : settings.withWindow(duration("--window", window));
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
  }

  private static Duration duration(String option, String text) {
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new UserException(option + ": not an ISO-8601 duration (e.g. PT10S): '" + text + "'");
    }
  }
}
