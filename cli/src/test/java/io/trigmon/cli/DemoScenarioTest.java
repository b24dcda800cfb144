package io.trigmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trigmon.event.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where the demo puts its excess, its drift and its bad records, and what a window holds. */
class DemoScenarioTest {

  private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

  @Test
  void defaultRunHasTheExcessInWindows5To7AndTheDriftFrom9() {
    DemoScenario scenario = new DemoScenario(Duration.ofSeconds(5), 200, 12);
    assertThat(scenario.signalWindows()).containsExactly(4, 5, 6);
    assertThat(scenario.firstDriftWindow()).isEqualTo(8);
    assertThat(scenario.isDrift(11)).isTrue();
    assertThat(scenario.isDrift(12)).as("past the last window: nominal").isFalse();
    assertThat(scenario.signalEvents()).isEqualTo(60);
  }

  @Test
  void shortestRunStillHasBackgroundExcessAndDrift() {
    DemoScenario scenario = new DemoScenario(Duration.ofSeconds(5), 200, 3);
    assertThat(scenario.signalWindows()).containsExactly(1);
    assertThat(scenario.firstDriftWindow()).isEqualTo(2);
  }

  @Test
  void windowHoldsItsEventsInsideItsBounds() {
    DemoScenario scenario = new DemoScenario(Duration.ofSeconds(2), 500, 8);
    List<Event> events = scenario.windowEvents(START, 3);
    long start = (START.getEpochSecond() + 6) * 1_000_000_000L;
    assertThat(events).hasSize(1000);
    assertThat(events)
        .allSatisfy(
            e -> {
              assertThat(e.stream()).isEqualTo(DemoScenario.STREAM);
              assertThat(e.eventTimeNanos()).isBetween(start, start + 2_000_000_000L - 1);
            });
  }

  @Test
  void everyThirdWindowCarriesOneBadRecord() {
    DemoScenario scenario = new DemoScenario(Duration.ofSeconds(2), 500, 8);
    DemoProducer producer =
        new DemoProducer("127.0.0.1:1", "events.raw", scenario, START, Duration.ofSeconds(1));
    assertThat(producer.plannedBadRecords()).isEqualTo(3);
    assertThat(producer.hasBadRecord(8)).as("the tail carries none").isFalse();
  }
}
