package io.trigmon.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.trigmon.event.Event;
import io.trigmon.event.Particle;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The trigger-level Standard Model mixture: object content and missing momentum per process. */
class TriggerStreamTest {

  private static List<Event> sample(SmMixture mixture, long seed) {
    return Simulator.builder()
        .process(Process.SM)
        .smMixture(mixture)
        .seed(seed)
        .build()
        .events(5_000)
        .toList();
  }

  private static double meanMet(List<Event> events) {
    return events.stream().mapToDouble(e -> e.met().pt()).average().orElseThrow();
  }

  private static double fraction(List<Event> events, java.util.function.Predicate<Event> p) {
    return events.stream().filter(p).count() / (double) events.size();
  }

  @Test
  void objectsArePtOrderedAndWithinTheDetector() {
    List<Event> events = sample(SmMixture.DEFAULT, 1);

    assertThat(events)
        .allSatisfy(
            e -> {
              assertOrdered(e.jets());
              assertOrdered(e.electrons());
              assertOrdered(e.muons());
              assertThat(e.jets())
                  .allSatisfy(
                      j -> {
                        assertThat(j.pt()).isGreaterThan((float) Detector.JET_PT_MIN);
                        assertThat(Math.abs(j.eta())).isLessThan((float) Detector.JET_ETA_MAX);
                      });
              assertThat(e.leptons())
                  .allSatisfy(
                      l -> assertThat(l.pt()).isGreaterThan((float) Detector.LEPTON_PT_MIN));
              assertThat(Math.abs(e.met().phi())).isLessThanOrEqualTo((float) Math.PI);
            });
    // QCD-dominated: most events have jets, few have an isolated high-pT lepton.
    assertThat(fraction(events, e -> e.jets().size() >= 2)).isGreaterThan(0.5);
  }

  @Test
  void neutrinosMakeMissingMomentumAndQcdHasLittle() {
    List<Event> qcd = sample(new SmMixture(1, 0, 0, 0), 2);
    List<Event> w = sample(new SmMixture(0, 1, 0, 0), 3);

    // W → ℓν: the neutrino carries ~m_W/2 ≈ 40 GeV; QCD only mismeasurement and rare decays.
    assertThat(meanMet(qcd)).isLessThan(20);
    assertThat(meanMet(w)).isGreaterThan(30);
    assertThat(fraction(w, e -> e.leptons().size() == 1)).isGreaterThan(0.7);
  }

  @Test
  void topPairsHaveManyJets() {
    List<Event> top = sample(new SmMixture(0, 0, 0, 1), 4);

    assertThat(fraction(top, e -> e.jets().size() >= 4)).isGreaterThan(0.5);
    assertThat(meanMet(top)).isGreaterThan(20);
  }

  @Test
  void zEventsHaveALeptonPairNearTheZMass() {
    List<Event> z = sample(new SmMixture(0, 0, 1, 0), 5);
    DileptonMassSpectrum spectrum = DileptonMassSpectrum.of(z.stream());

    assertThat(spectrum.mode(70, 110, 0.5)).isBetween(89.0, 93.0);
  }

  @Test
  void parsesMixtures() {
    SmMixture mixture = SmMixture.parse("qcd=3,w=1");

    assertThat(mixture.qcd()).isEqualTo(0.75);
    assertThat(mixture.wJets()).isEqualTo(0.25);
    assertThat(mixture.topPair()).isZero();
  }

  private static void assertOrdered(List<Particle> objects) {
    for (int i = 1; i < objects.size(); i++) {
      assertThat(objects.get(i).pt()).isLessThanOrEqualTo(objects.get(i - 1).pt());
    }
  }
}
