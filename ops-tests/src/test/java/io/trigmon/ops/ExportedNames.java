package io.trigmon.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.trigmon.metrics.TrigmonMetric;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an expression against the metrics the code exports ({@link TrigmonMetric}): every {@code
 * trigmon_*} name is one of their samples, and every label a selector matches on is one the metric
 * carries (or one Prometheus adds: {@code job}, {@code instance}, {@code le} on buckets).
 */
final class ExportedNames {

  private static final Set<String> TARGET_LABELS = Set.of("job", "instance", "pod");

  private ExportedNames() {}

  /** Asserts the expression only names exported metrics; returns the metrics it uses. */
  static Set<TrigmonMetric> check(String where, String expr) {
    Set<TrigmonMetric> used = new HashSet<>();
    for (String name : PromQl.trigmonNames(expr)) {
      Optional<TrigmonMetric> metric = TrigmonMetric.ofSample(name);
      assertThat(metric)
          .as(
              "%s names %s, which the code does not export (io.trigmon.metrics.TrigmonMetric)",
              where, name)
          .isPresent();
      used.add(metric.orElseThrow());
    }
    for (PromQl.Selector selector : PromQl.trigmonSelectors(expr)) {
      TrigmonMetric metric = TrigmonMetric.ofSample(selector.metric()).orElseThrow();
      Set<String> allowed = new HashSet<>(metric.labels());
      allowed.addAll(TARGET_LABELS);
      if (selector.metric().endsWith("_bucket")) {
        allowed.add("le");
      }
      assertThat(allowed)
          .as("%s: labels of %s (%s)", where, selector.metric(), expr)
          .containsAll(selector.labels());
    }
    return used;
  }
}
