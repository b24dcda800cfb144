package io.trigmon.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The real checkers on the real files: {@code promtool check config}, {@code check rules}, {@code
 * test rules} (the alert unit tests) and {@code amtool check-config}.
 */
class PromtoolTest {

  private static OpsTool promtool() {
    return OpsTool.require("promtool", "prometheus");
  }

  @Test
  void scrapeConfigIsValid() {
    String output = promtool().passes("check", "config", "deploy/prometheus/prometheus.yml");
    assertThat(output).contains("SUCCESS");
  }

  @Test
  void alertRulesAreValid() {
    String output =
        promtool().passes("check", "rules", "deploy/prometheus/rules/trigmon-alerts.yml");
    assertThat(output).contains("SUCCESS: 6 rules found");
  }

  @Test
  void alertRuleUnitTestsPass() {
    String[] args =
        java.util.stream.Stream.concat(
                java.util.stream.Stream.of("test", "rules"),
                OpsFiles.list("deploy/prometheus/rules/tests", ".yml").stream())
            .toArray(String[]::new);
    assertThat(promtool().passes(args)).contains("SUCCESS").doesNotContain("FAILED");
  }

  @Test
  void alertmanagerConfigIsValid() {
    OpsTool amtool = OpsTool.require("amtool", "prometheus-alertmanager");
    String output = amtool.passes("check-config", "deploy/alertmanager/alertmanager.yml");
    assertThat(output).contains("SUCCESS").contains("1 receivers");
  }
}
