package io.trigmon.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trigmon.event.DileptonFeatures;
import io.trigmon.event.Event;
import io.trigmon.event.Lumisection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every draw comes from the seed: same seed, same events; other seed, independent events. */
class ReproducibilityTest {

  private static Simulator simulator(Process process, long seed) {
    return Simulator.builder().process(process).seed(seed).build();
  }

  @ParameterizedTest
  @EnumSource(Process.class)
  void sameSeedGivesIdenticalEvents(Process process) {
    List<Event> first = simulator(process, 42).events(2_000).toList();
    List<Event> second = simulator(process, 42).events(2_000).toList();

    assertThat(second).isEqualTo(first);
  }

  @Test
  void allEntryPointsGiveTheSameEvents() {
    Simulator simulator = simulator(Process.SM, 3);
    List<Event> streamed = simulator.events(1_000).toList();
    List<Event> generated = new ArrayList<>();
    simulator.generate(1_000, generated::add);
    List<Event> iterated = new ArrayList<>();
    Iterator<Event> iterator = simulator.iterator();
    for (int i = 0; i < 1_000; i++) {
      iterated.add(iterator.next());
    }

    assertThat(generated).isEqualTo(streamed);
    assertThat(iterated).isEqualTo(streamed);
    assertThat(simulator.events(1_000).toList()).isEqualTo(streamed);
  }

  @Test
  void differentSeedsGiveIndependentEvents() {
    int n = 5_000;
    double[] a = masses(simulator(Process.DY, 1).events(n).toList());
    double[] b = masses(simulator(Process.DY, 2).events(n).toList());

    assertThat(a).isNotEqualTo(b);
    // Paired events of two seeds are uncorrelated: |r| below 4/√n.
    assertThat(Math.abs(correlation(a, b))).isLessThan(4 / Math.sqrt(n));
  }

  @Test
  void neighbouringCollisionsAreUncorrelated() {
    int n = 5_000;
    double[] m = masses(simulator(Process.DY, 5).events(n + 1).toList());
    double[] first = java.util.Arrays.copyOfRange(m, 0, n);
    double[] next = java.util.Arrays.copyOfRange(m, 1, n + 1);

    assertThat(Math.abs(correlation(first, next))).isLessThan(4 / Math.sqrt(n));
  }

  @Test
  void eventsCarryRunLumisectionNumberTimeAndStream() {
    Instant start = Instant.parse("2026-11-23T12:00:00Z");
    long startNanos = start.getEpochSecond() * 1_000_000_000L;
    List<Event> events =
        Simulator.builder()
            .process(Process.SM)
            .run(355_100)
            .startTime(start)
            .rateHz(200)
            .seed(8)
            .build()
            .events(10_000)
            .toList();

    long previous = startNanos;
    for (int i = 0; i < events.size(); i++) {
      Event e = events.get(i);
      assertThat(e.run()).isEqualTo(355_100);
      assertThat(e.eventNumber()).isEqualTo(i + 1);
      assertThat(e.stream()).isEqualTo(Process.TRIGGER_STREAM);
      assertThat(e.eventTimeNanos()).isGreaterThanOrEqualTo(previous);
      assertThat(e.lumisection()).isEqualTo(Lumisection.of(e.eventTimeNanos(), startNanos));
      previous = e.eventTimeNanos();
    }
    // 10 000 events at 200 Hz (Poisson): 50 s ± 0.5 s (1 %, the relative error of a sum of 10⁴
    // exponential gaps), i.e. into the third lumisection.
    double seconds = (previous - startNanos) / 1e9;
    assertThat(seconds).isBetween(48.0, 52.0);
    assertThat(events.get(events.size() - 1).lumisection()).isEqualTo(3);
  }

  @Test
  void regularArrivalsAreEvenlySpaced() {
    List<Event> events =
        Simulator.builder().poissonArrivals(false).rateHz(1_000).seed(9).build().events(3).toList();
    long start = Simulator.DEFAULT_START.getEpochSecond() * 1_000_000_000L;

    assertThat(events)
        .extracting(Event::eventTimeNanos)
        .containsExactly(start + 1_000_000, start + 2_000_000, start + 3_000_000);
  }

  @Test
  void injectedSignalReplacesExactlyThatManyBackgroundEvents() {
    int n = 5_000;
    int k = 30;
    List<Event> background = simulator(Process.DY, 10).events(n).toList();
    List<Event> injected =
        Simulator.builder()
            .seed(10)
            .signal(SignalInjection.count(Process.ZPRIME, k))
            .build()
            .events(n)
            .toList();

    int next = 0;
    int signal = 0;
    for (Event e : injected) {
      if (sameObjects(e, background.get(next))) {
        next++;
      } else {
        signal++;
        assertThat(DileptonFeatures.of(e).orElseThrow().m12()).isBetween(150.0, 450.0);
      }
    }
    assertThat(signal).isEqualTo(k);
    assertThat(next).isEqualTo(n - k);
    assertThat(injected).extracting(Event::eventNumber).doesNotHaveDuplicates();
  }

  @Test
  void fractionInjectionRoundsToACount() {
    SignalInjection injection = SignalInjection.parse("eft:0.0025");

    assertThat(injection.byCount()).isFalse();
    assertThat(injection.signalEvents(20_000)).isEqualTo(50);
    assertThat(SignalInjection.parse("zprime:30"))
        .isEqualTo(SignalInjection.count(Process.ZPRIME, 30));
    assertThatThrownBy(() -> SignalInjection.parse("dy:30")).hasMessageContaining("not a signal");
    assertThatThrownBy(() -> SignalInjection.parse("zprime")).hasMessageContaining("PROCESS:COUNT");
    assertThatThrownBy(
            () ->
                Simulator.builder()
                    .signal(SignalInjection.count(Process.ZPRIME, 3))
                    .build()
                    .iterator())
        .hasMessageContaining("finite");
  }

  @Test
  void processAndRegimeNamesRoundTrip() {
    for (Process process : Process.values()) {
      assertThat(Process.fromCliName(process.cliName())).isEqualTo(process);
    }
    for (Regime regime : Regime.values()) {
      assertThat(Regime.fromCliName(regime.cliName())).isEqualTo(regime);
    }
    assertThat(Process.fromCliName("FOUR_LEPTON")).isEqualTo(Process.FOUR_LEPTON);
    assertThatThrownBy(() -> Process.fromCliName("ttbar")).hasMessageContaining("dy, sm, zprime");
  }

  private static boolean sameObjects(Event a, Event b) {
    return a.met().equals(b.met())
        && a.muons().equals(b.muons())
        && a.electrons().equals(b.electrons())
        && a.jets().equals(b.jets());
  }

  private static double[] masses(List<Event> events) {
    return events.stream().mapToDouble(e -> DileptonFeatures.of(e).orElseThrow().m12()).toArray();
  }

  private static double correlation(double[] a, double[] b) {
    return new org.apache.commons.math3.stat.correlation.SpearmansCorrelation().correlation(a, b);
  }
}
