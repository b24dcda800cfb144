package io.trigmon.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trigmon.metrics.MetricsEndpoints;
import io.trigmon.stream.StreamAppConfig;
import io.trigmon.stream.StreamTopics;
import io.trigmon.stream.TopicSpec;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus, docker-compose and Kubernetes files agree with the code on names and ports:
 * topics ({@link StreamTopics}), metrics ports and path ({@link MetricsEndpoints}), the stream
 * app's configuration keys ({@link StreamAppConfig}). No Docker or kubectl here: they are parsed.
 */
class DeploymentFilesTest {

  private static final Map<String, Integer> JOB_PORTS =
      Map.of(
          "trigmon-stream-app", MetricsEndpoints.STREAM_APP_PORT,
          "trigmon-monitor", MetricsEndpoints.MONITOR_PORT,
          "flink", MetricsEndpoints.FLINK_REPORTER_PORT);

  private static Set<String> topicNames() {
    return StreamTopics.ALL.stream()
        .map(TopicSpec::name)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Map<String, JsonNode> scrapeJobs(String file) {
    Map<String, JsonNode> jobs = new TreeMap<>();
    for (JsonNode job : OpsFiles.yaml(file).path("scrape_configs")) {
      jobs.put(job.path("job_name").asText(), job);
    }
    return jobs;
  }

  private static Map<String, String> properties(String text) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(text));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    Map<String, String> values = new LinkedHashMap<>();
    p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k).trim()));
    return values;
  }

  private static List<JsonNode> k8s(String kind) {
    List<JsonNode> found = new ArrayList<>();
    for (String file : OpsFiles.list("deploy/k8s", ".yaml")) {
      for (JsonNode doc : OpsFiles.yamlDocuments(file)) {
        if (kind.equals(doc.path("kind").asText())) {
          found.add(doc);
        }
      }
    }
    return found;
  }

  @Test
  void prometheusScrapesEachEndpointOnItsDefaultPort() {
    Map<String, JsonNode> jobs = scrapeJobs("deploy/prometheus/prometheus.yml");
    assertThat(jobs.keySet()).isEqualTo(JOB_PORTS.keySet());
    JOB_PORTS.forEach(
        (name, port) -> {
          JsonNode job = jobs.get(name);
          assertThat(job.path("metrics_path").asText()).isEqualTo(MetricsEndpoints.PATH);
          String first = job.path("static_configs").get(0).path("targets").get(0).asText();
          assertThat(first).as(name).isEqualTo("127.0.0.1:" + port);
        });
  }

  @Test
  void kubernetesPrometheusHasTheSameJobs() throws IOException {
    assertThat(scrapeJobs("deploy/k8s/prometheus/prometheus.yml").keySet())
        .isEqualTo(JOB_PORTS.keySet());
    assertThat(Files.readString(OpsFiles.file("deploy/k8s/prometheus/prometheus.yml")))
        .contains("$1:" + MetricsEndpoints.FLINK_REPORTER_PORT);
  }

  @Test
  void alertRulesSelectExistingJobs() throws IOException {
    String rules = Files.readString(OpsFiles.file("deploy/prometheus/rules/trigmon-alerts.yml"));
    Matcher m = Pattern.compile("job=\"([^\"]+)\"").matcher(rules);
    int seen = 0;
    while (m.find()) {
      assertThat(JOB_PORTS).containsKey(m.group(1));
      seen++;
    }
    assertThat(seen).isPositive();
  }

  @Test
  void streamAppConfigurationIsValidAndMatchesAlertmanager() throws IOException {
    StreamAppConfig config = StreamAppConfig.load(OpsFiles.file("deploy/stream-app.properties"));
    assertThat(config.metricsPort())
        .isEqualTo(StreamAppConfig.DEFAULT_METRICS_PORT)
        .isEqualTo(MetricsEndpoints.STREAM_APP_PORT);
    JsonNode alertmanager = OpsFiles.yaml("deploy/alertmanager/alertmanager.yml");
    String receiverUrl =
        alertmanager.path("receivers").get(0).path("webhook_configs").get(0).path("url").asText();
    assertThat(config.alerts().webhooks()).containsExactly(URI.create(receiverUrl));
    assertThat(alertmanager.path("route").path("receiver").asText())
        .isEqualTo(alertmanager.path("receivers").get(0).path("name").asText());
  }

  @Test
  void composeRunsTheWholeStack() {
    JsonNode services = OpsFiles.yaml("deploy/docker-compose.yml").path("services");
    Set<String> names = new TreeSet<>();
    services.fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .contains(
            "kafka",
            "jobmanager",
            "taskmanager",
            "monitor",
            "stream-app",
            "prometheus",
            "alertmanager",
            "grafana");
    // One network (the host's), so deploy/prometheus/prometheus.yml serves as is.
    services.forEach(s -> assertThat(s.path("network_mode").asText()).isEqualTo("host"));
  }

  @Test
  void composeCreatesExactlyTheCodesTopics() {
    JsonNode topics = OpsFiles.yaml("deploy/docker-compose.yml").path("services").path("topics");
    String script = topics.path("command").get(0).asText();
    Matcher m = Pattern.compile("for t in ([^;]+);").matcher(script);
    assertThat(m.find()).as("topic loop in %s", script).isTrue();
    assertThat(new TreeSet<>(List.of(m.group(1).trim().split("\\s+")))).isEqualTo(topicNames());
  }

  @Test
  void composeWiresPortsAndConfigurationFiles() {
    JsonNode services = OpsFiles.yaml("deploy/docker-compose.yml").path("services");
    assertThat(services.path("monitor").path("command").toString())
        .contains("\"--metrics-port\",\"" + MetricsEndpoints.MONITOR_PORT + "\"");
    assertThat(services.path("jobmanager").path("environment").path("FLINK_PROPERTIES").asText())
        .contains("metrics.reporter.prom.port: " + MetricsEndpoints.FLINK_REPORTER_PORT);
    assertThat(services.path("stream-app").path("volumes").toString())
        .contains("./stream-app.properties:");
    assertThat(services.path("prometheus").path("volumes").toString())
        .contains("./prometheus:/etc/prometheus");
    assertThat(services.path("alertmanager").path("volumes").toString())
        .contains("./alertmanager:/etc/alertmanager");
    JsonNode grafana = services.path("grafana");
    String dashboards = grafana.path("environment").path("TRIGMON_DASHBOARDS").asText();
    assertThat(grafana.path("volumes").toString())
        .contains("../grafana/provisioning:/etc/grafana/provisioning")
        .contains("../grafana/dashboards:" + dashboards);
  }

  @Test
  void kubernetesKafkaHasExactlyTheCodesTopics() {
    Set<String> topics =
        k8s("KafkaTopic").stream()
            .map(t -> t.path("spec").path("topicName").asText())
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(topics).isEqualTo(topicNames());
    assertThat(k8s("Kafka")).hasSize(1);
  }

  @Test
  void kubernetesStreamAppIsScrapedOnItsPortAndConfiguredValidly() {
    JsonNode set = k8s("StatefulSet").get(0);
    JsonNode pod = set.path("spec").path("template");
    assertThat(pod.path("metadata").path("annotations").path("prometheus.io/port").asText())
        .isEqualTo(String.valueOf(MetricsEndpoints.STREAM_APP_PORT));
    assertThat(pod.path("metadata").path("annotations").path("prometheus.io/path").asText())
        .isEqualTo(MetricsEndpoints.PATH);
    assertThat(
            pod.path("spec")
                .path("containers")
                .get(0)
                .path("ports")
                .get(0)
                .path("containerPort")
                .asInt())
        .isEqualTo(MetricsEndpoints.STREAM_APP_PORT);

    JsonNode configMap =
        k8s("ConfigMap").stream()
            .filter(c -> c.path("data").has("stream-app.properties"))
            .findFirst()
            .orElseThrow();
    StreamAppConfig config =
        StreamAppConfig.fromMap(
            properties(configMap.path("data").path("stream-app.properties").asText()));
    assertThat(config.metricsPort()).isEqualTo(MetricsEndpoints.STREAM_APP_PORT);
    String kafka = k8s("Kafka").get(0).path("metadata").path("name").asText();
    assertThat(config.bootstrapServers()).isEqualTo(kafka + "-kafka-bootstrap:9092");
  }

  @Test
  void kubernetesMonitorJobExposesBothMetricsPorts() {
    JsonNode flink = k8s("FlinkDeployment").get(0).path("spec");
    assertThat(flink.path("flinkConfiguration").path("metrics.reporter.prom.port").asText())
        .isEqualTo(String.valueOf(MetricsEndpoints.FLINK_REPORTER_PORT));
    assertThat(
            flink
                .path("taskManager")
                .path("podTemplate")
                .path("metadata")
                .path("annotations")
                .path("prometheus.io/port")
                .asText())
        .isEqualTo(String.valueOf(MetricsEndpoints.MONITOR_PORT));
    assertThat(flink.path("job").path("args").toString())
        .contains("\"--metrics-port\",\"" + MetricsEndpoints.MONITOR_PORT + "\"");
    String kafka = k8s("Kafka").get(0).path("metadata").path("name").asText();
    assertThat(flink.path("job").path("args").toString()).contains(kafka + "-kafka-bootstrap:9092");
  }

  @Test
  void kustomizationReferencesExistingFiles() throws IOException {
    JsonNode kustomization = OpsFiles.yaml("deploy/kustomization.yaml");
    List<String> files = new ArrayList<>();
    kustomization.path("resources").forEach(r -> files.add(r.asText()));
    for (JsonNode generator : kustomization.path("configMapGenerator")) {
      for (JsonNode f : generator.path("files")) {
        String spec = f.asText();
        files.add(spec.contains("=") ? spec.substring(spec.indexOf('=') + 1) : spec);
      }
    }
    for (String file : files) {
      assertThat(OpsFiles.root().resolve("deploy").resolve(file)).as(file).isRegularFile();
    }
    List<String> manifests =
        OpsFiles.list("deploy/k8s", ".yaml").stream()
            .map(f -> f.substring("deploy/".length()))
            .toList();
    assertThat(files).containsAll(manifests);
    // Every ConfigMap the observability manifests mount is generated.
    Set<String> generated = new TreeSet<>();
    kustomization.path("configMapGenerator").forEach(g -> generated.add(g.path("name").asText()));
    Matcher m =
        Pattern.compile("configMap: \\{name: ([a-z0-9-]+)}")
            .matcher(Files.readString(OpsFiles.file("deploy/k8s/40-observability.yaml")));
    while (m.find()) {
      assertThat(generated).contains(m.group(1));
    }
  }
}
