package io.trigmon.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trigmon.metrics.TrigmonMetric;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Grafana dashboards and their provisioning, against the metrics the code exports. */
class DashboardsTest {

  static List<String> dashboards() {
    return OpsFiles.list("grafana/dashboards", ".json");
  }

  /** Every panel, rows' nested panels included. */
  private static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> panels = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      panels.add(panel);
      panel.path("panels").forEach(panels::add);
    }
    return panels;
  }

  private static String datasourceUid() {
    JsonNode sources = OpsFiles.yaml("grafana/provisioning/datasources/prometheus.yml");
    return StreamSupport.stream(sources.path("datasources").spliterator(), false)
        .filter(d -> "prometheus".equals(d.path("type").asText()))
        .findFirst()
        .orElseThrow()
        .path("uid")
        .asText();
  }

  @Test
  void bothDashboardsExist() {
    assertThat(dashboards())
        .contains(
            "grafana/dashboards/trigmon-shift.json", "grafana/dashboards/trigmon-expert.json");
  }

  @ParameterizedTest
  @MethodSource("dashboards")
  void everyQueryNamesOnlyExportedMetrics(String file) {
    JsonNode dashboard = OpsFiles.json(file);
    int queries = 0;
    for (JsonNode panel : panels(dashboard)) {
      for (JsonNode target : panel.path("targets")) {
        String expr = target.path("expr").asText();
        assertThat(expr).as("%s panel '%s' has a query", file, panel.path("title")).isNotBlank();
        ExportedNames.check(file + " panel '" + panel.path("title").asText() + "'", expr);
        queries++;
      }
    }
    assertThat(queries).as("queries in %s", file).isGreaterThan(5);
  }

  @Test
  void togetherTheDashboardsShowEveryExportedMetric() {
    Set<TrigmonMetric> shown = EnumSet.noneOf(TrigmonMetric.class);
    for (String file : dashboards()) {
      for (JsonNode panel : panels(OpsFiles.json(file))) {
        for (JsonNode target : panel.path("targets")) {
          shown.addAll(ExportedNames.check(file, target.path("expr").asText()));
        }
      }
    }
    assertThat(shown).containsExactlyInAnyOrder(TrigmonMetric.values());
  }

  @ParameterizedTest
  @MethodSource("dashboards")
  void isAValidDashboardWithAStreamVariable(String file) {
    JsonNode dashboard = OpsFiles.json(file);
    assertThat(dashboard.path("uid").asText()).as("uid").matches("[a-z0-9-]{1,40}");
    assertThat(dashboard.path("title").asText()).isNotBlank();
    assertThat(dashboard.path("schemaVersion").asInt()).isBetween(36, 41);
    List<String> variables =
        StreamSupport.stream(dashboard.path("templating").path("list").spliterator(), false)
            .map(v -> v.path("name").asText())
            .toList();
    assertThat(variables).contains("stream", "datasource");

    Set<Integer> ids = new HashSet<>();
    for (JsonNode panel : panels(dashboard)) {
      assertThat(ids.add(panel.path("id").asInt()))
          .as("%s: panel id %s unique", file, panel.path("id"))
          .isTrue();
      assertThat(panel.path("type").asText()).isNotBlank();
      JsonNode grid = panel.path("gridPos");
      assertThat(grid.path("w").asInt()).isBetween(1, 24);
      assertThat(grid.path("x").asInt() + grid.path("w").asInt()).isLessThanOrEqualTo(24);
      assertThat(grid.path("h").asInt()).isPositive();
    }
  }

  @ParameterizedTest
  @MethodSource("dashboards")
  void panelsQueryTheProvisionedDataSource(String file) {
    JsonNode dashboard = OpsFiles.json(file);
    String uid = datasourceUid();
    JsonNode dsVariable =
        StreamSupport.stream(dashboard.path("templating").path("list").spliterator(), false)
            .filter(v -> "datasource".equals(v.path("name").asText()))
            .findFirst()
            .orElseThrow();
    assertThat(dsVariable.path("current").path("value").asText()).isEqualTo(uid);
    for (JsonNode panel : panels(dashboard)) {
      for (JsonNode target : panel.path("targets")) {
        assertThat(target.path("datasource").path("uid").asText()).isIn("${datasource}", uid);
      }
    }
  }

  @Test
  void uidsAreUnique() {
    List<String> uids =
        dashboards().stream().map(f -> OpsFiles.json(f).path("uid").asText()).toList();
    assertThat(uids).doesNotHaveDuplicates();
  }

  @Test
  void provisioningLoadsTheDashboardFolder() {
    JsonNode providers = OpsFiles.yaml("grafana/provisioning/dashboards/trigmon.yml");
    assertThat(providers.path("apiVersion").asInt()).isEqualTo(1);
    JsonNode provider = providers.path("providers").get(0);
    assertThat(provider.path("type").asText()).isEqualTo("file");
    assertThat(provider.path("options").path("path").asText()).isNotBlank();
  }
}
