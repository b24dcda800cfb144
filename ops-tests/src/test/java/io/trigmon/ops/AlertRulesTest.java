package io.trigmon.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trigmon.stream.alert.AlertKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Prometheus alert rules and their promtool unit tests, read as files. */
class AlertRulesTest {

  private static final String RULES = "deploy/prometheus/rules/trigmon-alerts.yml";

  private static List<JsonNode> rules() {
    List<JsonNode> rules = new ArrayList<>();
    for (JsonNode group : OpsFiles.yaml(RULES).path("groups")) {
      group.path("rules").forEach(rules::add);
    }
    return rules;
  }

  @Test
  void everyExpressionNamesOnlyExportedMetrics() {
    for (JsonNode rule : rules()) {
      ExportedNames.check(RULES + " " + rule.path("alert").asText(), rule.path("expr").asText());
    }
  }

  @Test
  void coversTheDesignsAlerts() {
    List<String> names = rules().stream().map(r -> r.path("alert").asText()).toList();
    assertThat(names)
        .containsExactlyInAnyOrder(
            "TrigmonAnomaly",
            "TrigmonCalibrationDrift",
            "TrigmonStaleStream",
            "TrigmonTargetDown",
            "TrigmonPipelineLag",
            "TrigmonLateEvents");
  }

  @Test
  void alertsTheStreamAppAlsoRaisesHaveItsNameAndSeverity() {
    Map<String, String> severity = new HashMap<>();
    rules()
        .forEach(
            r ->
                severity.put(r.path("alert").asText(), r.path("labels").path("severity").asText()));
    for (AlertKind kind : AlertKind.values()) {
      assertThat(severity).containsEntry(kind.alertName(), kind.severity());
    }
  }

  @Test
  void targetDownAlertsOnUpNotOnRates() {
    JsonNode down =
        rules().stream()
            .filter(r -> "TrigmonTargetDown".equals(r.path("alert").asText()))
            .findFirst()
            .orElseThrow();
    assertThat(down.path("expr").asText()).contains("up{").contains("== 0").doesNotContain("rate(");
  }

  @Test
  void everyAlertIsUnitTestedFiringAndNotFiring() {
    Set<String> firing = new HashSet<>();
    Set<String> silent = new HashSet<>();
    for (String file : OpsFiles.list("deploy/prometheus/rules/tests", ".yml")) {
      for (JsonNode test : OpsFiles.yaml(file).path("tests")) {
        for (JsonNode check : test.path("alert_rule_test")) {
          String name = check.path("alertname").asText();
          (check.path("exp_alerts").isEmpty() ? silent : firing).add(name);
        }
      }
    }
    List<String> names = rules().stream().map(r -> r.path("alert").asText()).toList();
    assertThat(firing).as("alerts tested firing").containsAll(names);
    assertThat(silent).as("alerts tested not firing").containsAll(names);
  }
}
