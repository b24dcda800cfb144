package io.trigmon.stream.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacerTest {

  /** A clock that only moves when the pacer sleeps (plus a fixed cost per record). */
  static final class FakeClock implements Pacer.Clock {
    long now = 1_000;
    final List<Long> sends = new ArrayList<>();

    @Override
    public long nanoTime() {
      return now;
    }

    @Override
    public void sleepNanos(long nanos) {
      now += nanos;
    }
  }

  @Test
  void speedFactorScalesEventTimeGaps() throws InterruptedException {
    FakeClock clock = new FakeClock();
    Pacer pacer = new Pacer(100, 0, clock);
    long[] eventTimes = {0, 10_000_000_000L, 10_500_000_000L, 30_000_000_000L};
    for (long t : eventTimes) {
      pacer.await(t);
      clock.sends.add(clock.now);
    }
    // 100x: 10 s of event time -> 0.1 s of wall time after the first record
    assertThat(clock.sends)
        .containsExactly(
            1_000L, 1_000L + 100_000_000L, 1_000L + 105_000_000L, 1_000L + 300_000_000L);
  }

  @Test
  void maxRateSpacesRecordsEvenly() throws InterruptedException {
    FakeClock clock = new FakeClock();
    Pacer pacer = new Pacer(0, 1000, clock);
    for (int i = 0; i < 5; i++) {
      pacer.await(0);
      clock.sends.add(clock.now - 1_000);
    }
    assertThat(clock.sends).containsExactly(0L, 1_000_000L, 2_000_000L, 3_000_000L, 4_000_000L);
  }

  @Test
  void eventTimeGoingBackwardsIsSentAtOnce() throws InterruptedException {
    FakeClock clock = new FakeClock();
    Pacer pacer = new Pacer(1, 0, clock);
    pacer.await(5_000_000_000L);
    pacer.await(1_000_000_000L);
    assertThat(clock.now).isEqualTo(1_000);
  }
}
