package io.trigmon.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trigmon.event.Lumisection;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventStampingTest {

  @Test
  void eventsAreSpacedByTheRateFromTheStart() {
    EventStamping stamps =
        EventStamping.DEFAULT.startingAt(Instant.parse("2026-05-01T12:00:00.5Z")).atRate(4.0);

    assertThat(stamps.timeNanos(0))
        .isEqualTo(Instant.parse("2026-05-01T12:00:00.5Z").toEpochMilli() * 1_000_000L);
    assertThat(stamps.timeNanos(3) - stamps.timeNanos(0)).isEqualTo(750_000_000L);
  }

  @Test
  void lumisectionsCountFromOneAtTheStart() {
    EventStamping stamps = EventStamping.DEFAULT.atRate(1.0);
    long perLumisection = Lumisection.NANOS / 1_000_000_000L; // 23 whole seconds

    assertThat(stamps.lumisection(0)).isEqualTo(1);
    assertThat(stamps.lumisection(perLumisection)).isEqualTo(1);
    assertThat(stamps.lumisection(perLumisection + 1)).isEqualTo(2);
  }

  @Test
  void aRateThatIsNotPositiveIsRefused() {
    assertThatThrownBy(() -> EventStamping.DEFAULT.atRate(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("event rate must be positive");
    assertThatThrownBy(() -> EventStamping.DEFAULT.atRate(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
