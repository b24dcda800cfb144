package io.trigmon.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DileptonFeaturesTest {

  /** Float inputs carry about 7 significant digits. */
  private static final double FLOAT_PRECISION = 1e-6;

  @Test
  void takesTheTwoLeadingLeptonsOfEitherFlavour() {
    Event event =
        TestEvents.event()
            .muon(30, 0.5, 1.0)
            .electron(60, -1.0, 2.0)
            .electron(10, 2.0, -2.0)
            .muon(45, 1.5, -1.0)
            .build();
    DileptonFeatures f = DileptonFeatures.of(event).orElseThrow();
    assertThat(f.pt1()).isEqualTo(60);
    assertThat(f.pt2()).isEqualTo(45);
    assertThat(f.eta1()).isEqualTo(-1.0);
    assertThat(f.eta2()).isEqualTo(1.5);
    assertThat(f.dphi()).isCloseTo(3.0, within(FLOAT_PRECISION));
    assertThat(f.toArray()).containsExactly(60, 45, -1.0, 1.5, f.dphi());
    assertThat(DileptonFeatures.NAMES).containsExactly("pt1", "pt2", "eta1", "eta2", "dphi");
  }

  @Test
  void needsTwoLeptons() {
    assertThat(DileptonFeatures.of(TestEvents.event().muon(30, 0, 0).jets(5).build())).isEmpty();
    assertThat(DileptonFeatures.of(TestEvents.event().build())).isEmpty();
  }

  @Test
  void massOfABackToBackPairIsTwiceItsMomentum() {
    DileptonFeatures central =
        DileptonFeatures.of(TestEvents.dilepton(45.5, 0, 1.0, 45.5, 0, 1.0 - Math.PI))
            .orElseThrow();
    assertThat(central.m12()).isCloseTo(91.0, within(91.0 * FLOAT_PRECISION));
    // Back to back in the rest frame, boosted along z: M = 2 pT cosh η for η1 = −η2 = η.
    DileptonFeatures boosted =
        DileptonFeatures.of(TestEvents.dilepton(40, 0.8, 0.3, 40, -0.8, 0.3 + Math.PI))
            .orElseThrow();
    assertThat(boosted.m12()).isCloseTo(2 * 40 * Math.cosh(0.8), within(100 * FLOAT_PRECISION));
  }

  @Test
  void massAgreesWithFourVectors() {
    TestEvents events = new TestEvents(43);
    for (int i = 0; i < 1_000; i++) {
      Event event = events.nextWithCounts(0, 2, 0);
      Particle a = event.muons().get(0);
      Particle b = event.muons().get(1);
      double e = a.energy() + b.energy();
      double px = a.px() + b.px();
      double py = a.py() + b.py();
      double pz = a.pz() + b.pz();
      double m = Math.sqrt(Math.max(0, e * e - px * px - py * py - pz * pz));
      double m12 = DileptonFeatures.of(event).orElseThrow().m12();
      // Subtraction of large energies: relative error up to ~ (E/M)² ε.
      assertThat(m12).isCloseTo(m, within(1e-9 * e * e / Math.max(m, 1e-3) + 1e-9));
    }
  }

  @Test
  void wrapsTheAzimuthalSeparation() {
    Event across = TestEvents.dilepton(50, 0, 3.0, 40, 0, -3.0);
    assertThat(DileptonFeatures.of(across).orElseThrow().dphi())
        .isCloseTo(6.0 - 2 * Math.PI, within(FLOAT_PRECISION));
    Event reverse = TestEvents.dilepton(50, 0, -3.0, 40, 0, 3.0);
    assertThat(DileptonFeatures.of(reverse).orElseThrow().dphi())
        .isCloseTo(2 * Math.PI - 6.0, within(FLOAT_PRECISION));
    assertThat(DileptonFeatures.wrap(-Math.PI)).isEqualTo(Math.PI);
    assertThat(DileptonFeatures.wrap(Math.PI)).isEqualTo(Math.PI);
    assertThat(DileptonFeatures.wrap(5 * Math.PI / 2)).isCloseTo(Math.PI / 2, within(1e-12));
    assertThat(DileptonFeatures.wrap(-0.25)).isEqualTo(-0.25);
  }

  @Test
  void wrappedAnglesLieInMinusPiToPi() {
    SplittableRandom random = new SplittableRandom(44);
    for (int i = 0; i < 10_000; i++) {
      double angle = (random.nextDouble() - 0.5) * 40;
      double wrapped = DileptonFeatures.wrap(angle);
      assertThat(wrapped).isBetween(-Math.PI, Math.PI);
      double turns = (angle - wrapped) / (2 * Math.PI);
      assertThat(turns).isCloseTo(Math.rint(turns), within(1e-9));
    }
  }

  @Test
  void readsBackItsArray() {
    DileptonFeatures f = new DileptonFeatures(1, 2, 3, 4, 0.5);
    assertThat(DileptonFeatures.fromArray(f.toArray())).isEqualTo(f);
  }

  /**
   * The leading pair found without sorting is the head of {@link Event#leptons()}, ties included.
   */
  @Test
  void leadingPairIsTheHeadOfTheSortedLeptons() {
    SplittableRandom random = new SplittableRandom(45);
    for (int i = 0; i < 2_000; i++) {
      TestEvents.Builder builder = TestEvents.event();
      int electrons = random.nextInt(4);
      int muons = random.nextInt(4);
      for (int k = 0; k < electrons + muons; k++) {
        // pT from a few values, so that ties between and within flavours are common
        double pt = 20 + 10 * random.nextInt(3);
        double eta = random.nextDouble(-2.4, 2.4);
        double phi = random.nextDouble(-Math.PI, Math.PI);
        builder = k < electrons ? builder.electron(pt, eta, phi) : builder.muon(pt, eta, phi);
      }
      Event event = builder.build();
      List<Particle> sorted = event.leptons();
      var features = DileptonFeatures.of(event);
      assertThat(features.isPresent()).as("event %d", i).isEqualTo(sorted.size() >= 2);
      if (sorted.size() >= 2) {
        Particle a = sorted.get(0);
        Particle b = sorted.get(1);
        assertThat(features.get())
            .as("event %d", i)
            .isEqualTo(
                new DileptonFeatures(
                    a.pt(),
                    b.pt(),
                    a.eta(),
                    b.eta(),
                    DileptonFeatures.wrap((double) a.phi() - b.phi())));
      }
    }
  }
}
