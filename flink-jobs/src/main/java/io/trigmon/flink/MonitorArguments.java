package io.trigmon.flink;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Command-line arguments of {@link MonitorJob#main(String[])} when the job jar is submitted to a
 * cluster: {@code --bootstrap HOST:PORT --models DIR} and optionally {@code --window}, {@code
 * --allowed-lateness}, {@code --out-of-orderness}, {@code --checkpoint-interval}, {@code
 * --watermark-interval} (ISO-8601 durations, e.g. {@code PT10S}), {@code --expected-rate} (Hz),
 * {@code --aux NAME=NU,...} (ν_A in σ), {@code --luminosity TOPIC} (expected counts per window,
 * e.g. {@value MonitorJob#LUMINOSITY_TOPIC}), {@code --group} (consumer group and transactional-id
 * prefix, so several monitors can share a broker), {@code --events-topic}, {@code --results-topic}
 * and {@code --metrics-port N} [{@code --metrics-host H}] (each TaskManager serves the job's {@code
 * trigmon_*} metrics there; host 127.0.0.1 unless given, 0.0.0.0 in a pod). The CLI's {@code
 * trigmon monitor} builds the settings itself.
 *
 * @param bootstrap Kafka bootstrap servers
 * @param settings the job settings
 * @param group consumer group of the events source and prefix of the sinks' transactional ids
 * @param eventsTopic topic of the valid events
 * @param resultsTopic topic of the window results
 * @param luminosityTopic topic of expected counts, or null for none
 * @param metricsPort port of the TaskManagers' {@code /metrics}, or null for none
 * @param metricsHost address that endpoint binds to
 */
public record MonitorArguments(
    String bootstrap,
    MonitorSettings settings,
    String group,
    String eventsTopic,
    String resultsTopic,
    String luminosityTopic,
    Integer metricsPort,
    String metricsHost) {

  /** The events topic of DESIGN §7. */
  public static final String EVENTS_TOPIC = "events.valid";

  /** The results topic of DESIGN §7. */
  public static final String RESULTS_TOPIC = "monitor.results";

  /** Parses {@code --key value} pairs; an unknown key or a missing value fails naming the key. */
  public static MonitorArguments parse(String[] args) {
    String bootstrap = null;
    String models = null;
    Duration window = null;
    Duration lateness = null;
    Duration outOfOrder = null;
    Duration checkpoints = null;
    Duration watermarks = null;
    Double rate = null;
    String luminosity = null;
    Map<String, Double> aux = new LinkedHashMap<>();
    String group = MonitorJob.NAME;
    String eventsTopic = EVENTS_TOPIC;
    Integer metricsPort = null;
    String metricsHost = "127.0.0.1";
    String resultsTopic = RESULTS_TOPIC;
    for (int i = 0; i < args.length; i += 2) {
      String key = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(key + ": missing value");
      }
      String value = args[i + 1];
      switch (key) {
        case "--bootstrap" -> bootstrap = value;
        case "--models" -> models = value;
        case "--window" -> window = Duration.parse(value);
        case "--allowed-lateness" -> lateness = Duration.parse(value);
        case "--out-of-orderness" -> outOfOrder = Duration.parse(value);
        case "--checkpoint-interval" -> checkpoints = Duration.parse(value);
        case "--watermark-interval" -> watermarks = Duration.parse(value);
        case "--expected-rate" -> rate = Double.valueOf(value);
        case "--luminosity" -> luminosity = value;
        case "--aux" -> aux.putAll(aux(value));
        case "--group" -> group = value;
        case "--events-topic" -> eventsTopic = value;
        case "--results-topic" -> resultsTopic = value;
        case "--metrics-port" -> metricsPort = Integer.valueOf(value);
        case "--metrics-host" -> metricsHost = value;
        default -> throw new IllegalArgumentException("unknown argument " + key);
      }
    }
    if (metricsPort != null && (metricsPort < 0 || metricsPort > 65535)) {
      throw new IllegalArgumentException("--metrics-port: not a port: " + metricsPort);
    }
    if (bootstrap == null) {
      throw new IllegalArgumentException("--bootstrap: required");
    }
    MonitorSettings settings = MonitorSettings.defaults(models);
    if (window != null) {
      settings = settings.withWindow(window);
    }
    if (lateness != null) {
      settings = settings.withAllowedLateness(lateness);
    }
    if (outOfOrder != null) {
      settings = settings.withOutOfOrderness(outOfOrder);
    }
    if (checkpoints != null) {
      settings = settings.withCheckpointInterval(checkpoints);
    }
    if (watermarks != null) {
      settings = settings.withWatermarkInterval(watermarks);
    }
    return new MonitorArguments(
        bootstrap,
        settings.withExpectedRate(rate).withAux(aux),
        group,
        eventsTopic,
        resultsTopic,
        luminosity,
        metricsPort,
        metricsHost);
  }

  /** {@code NAME=NU,NAME=NU}. */
  private static Map<String, Double> aux(String value) {
    Map<String, Double> aux = new LinkedHashMap<>();
    for (String pair : value.split(",")) {
      String[] parts = pair.split("=", 2);
      if (parts.length != 2) {
        throw new IllegalArgumentException("--aux: NAME=NU expected, got '" + pair + "'");
      }
      try {
        aux.put(parts[0].trim(), Double.valueOf(parts[1].trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--aux: NU of " + parts[0] + " is not a number");
      }
    }
    return aux;
  }
}
