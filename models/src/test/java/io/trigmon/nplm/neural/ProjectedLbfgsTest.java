package io.trigmon.nplm.neural;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The window stopping rule of {@link ProjectedLbfgs} on an objective that never settles. */
class ProjectedLbfgsTest {

  /** f(θ) = e^−θ: decreasing for ever, gradient never zero; f after the fit and the iterations. */
  private static ProjectedLbfgs.Result minimise(int window, double relative) {
    return new ProjectedLbfgs(100_000, 0, 10, 10, window, relative)
        .minimise(
            (theta, g) -> {
              g[0] = -Math.exp(-theta[0]);
              return Math.exp(-theta[0]);
            },
            new double[] {0},
            new double[] {Double.NEGATIVE_INFINITY},
            new double[] {Double.POSITIVE_INFINITY});
  }

  @Test
  void windowRuleStopsASlowCrawl() {
    ProjectedLbfgs.Result r = minimise(5, 1e-3);
    ProjectedLbfgs.Result exhausted = minimise(0, 0);
    // without the rule the fit runs until the gradient e^−θ vanishes
    assertThat(exhausted.value()).isLessThan(1e-12);
    assertThat(r.iterations()).isGreaterThanOrEqualTo(5).isLessThan(exhausted.iterations());
    // stopped because 5 iterations gained < 1e-3: f is small, not merely lower than at the start
    assertThat(r.value()).isLessThan(1e-2).isGreaterThan(1e-12);
  }

  @Test
  void looserToleranceStopsEarlier() {
    assertThat(minimise(5, 1e-2).iterations()).isLessThan(minimise(5, 1e-6).iterations());
  }
}
