package io.trigmon.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.trigmon.event.Event;
import io.trigmon.event.Particle;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Nuisance shifts act on the same collisions, before the cuts, by exactly their factors. */
class NuisanceShiftTest {

  /** Float storage of pT: a ratio of two stored values is exact to about 1.2·10⁻⁷. */
  private static final double FLOAT_RATIO_PRECISION = 3e-7;

  private static List<Event> sample(Process process, Regime regime, NuisanceShifts shifts) {
    return Simulator.builder()
        .process(process)
        .regime(regime)
        .nuisances(shifts)
        .selection(Selection.NONE)
        .seed(21)
        .build()
        .events(3_000)
        .toList();
  }

  /** The object with the same direction (shifts change pT only, and may reorder by pT). */
  private static Particle partner(List<Particle> candidates, Particle original) {
    return candidates.stream()
        .filter(p -> p.eta() == original.eta() && p.phi() == original.phi())
        .findFirst()
        .orElseThrow();
  }

  @ParameterizedTest
  @EnumSource(Regime.class)
  void scaleShiftMultipliesBarrelAndEndcapLeptonsByTheirFactors(Regime regime) {
    double nu = 1;
    List<Event> nominal = sample(Process.DY, regime, NuisanceShifts.NOMINAL);
    List<Event> shifted = sample(Process.DY, regime, NuisanceShifts.leptonScale(nu));
    double barrel = Math.exp(nu * regime.barrelScaleSigma());
    double endcap = Math.exp(nu * regime.endcapScaleSigma());

    int barrelLeptons = 0;
    int endcapLeptons = 0;
    for (int i = 0; i < nominal.size(); i++) {
      List<Particle> before = nominal.get(i).leptons();
      List<Particle> after = shifted.get(i).leptons();
      if (before.size() != after.size()) {
        continue; // a lepton crossed the 3 GeV reconstruction threshold
      }
      for (Particle a : before) {
        Particle b = partner(after, a);
        boolean isBarrel = Math.abs(a.eta()) < NuisanceShifts.BARREL_ETA;
        double expected = isBarrel ? barrel : endcap;
        assertThat((double) b.pt() / a.pt()).isCloseTo(expected, within(FLOAT_RATIO_PRECISION));
        barrelLeptons += isBarrel ? 1 : 0;
        endcapLeptons += isBarrel ? 0 : 1;
      }
    }
    assertThat(barrelLeptons).isGreaterThan(1_000);
    assertThat(endcapLeptons).isGreaterThan(1_000);
  }

  @Test
  void barrelShiftLeavesEndcapLeptonsAlone() {
    List<Event> nominal = sample(Process.DY, Regime.ELECTRON_LIKE, NuisanceShifts.NOMINAL);
    List<Event> shifted =
        sample(Process.DY, Regime.ELECTRON_LIKE, NuisanceShifts.NOMINAL.withScaleBarrel(-2));

    for (int i = 0; i < nominal.size(); i++) {
      List<Particle> before = nominal.get(i).electrons();
      List<Particle> after = shifted.get(i).electrons();
      if (before.size() != after.size()) {
        continue;
      }
      for (Particle a : before) {
        Particle b = partner(after, a);
        double expected =
            Math.abs(a.eta()) < NuisanceShifts.BARREL_ETA
                ? Math.exp(-2 * Regime.ELECTRON_LIKE.barrelScaleSigma())
                : 1;
        assertThat((double) b.pt() / a.pt()).isCloseTo(expected, within(FLOAT_RATIO_PRECISION));
      }
    }
  }

  @Test
  void jetEnergyScaleShiftsJetsOnly() {
    List<Event> nominal = sample(Process.SM, Regime.MUON_LIKE, NuisanceShifts.NOMINAL);
    List<Event> shifted =
        sample(Process.SM, Regime.MUON_LIKE, NuisanceShifts.NOMINAL.withJetEnergyScale(1));
    double factor = Math.exp(NuisanceShifts.JET_ENERGY_SCALE_SIGMA);

    int jets = 0;
    for (int i = 0; i < nominal.size(); i++) {
      Event a = nominal.get(i);
      Event b = shifted.get(i);
      assertThat(b.leptons()).isEqualTo(a.leptons());
      // Jets near the 15 GeV threshold may appear; compare the nominal jets with their partners.
      for (Particle jet : a.jets()) {
        Particle partner = partner(b.jets(), jet);
        assertThat((double) partner.pt() / jet.pt())
            .isCloseTo(factor, within(FLOAT_RATIO_PRECISION));
        jets++;
      }
    }
    assertThat(jets).isGreaterThan(1_000);
  }

  @Test
  void upwardScaleShiftOnlyGainsEventsAcrossTheCuts() {
    YieldRatio ratio =
        Simulator.builder()
            .regime(Regime.TAU_LIKE)
            .nuisances(NuisanceShifts.leptonScale(1))
            .seed(22)
            .build()
            .yieldRatio(200_000);

    // pT·exp(+σ) raises both pT and M12: events can only enter the selection, never leave it.
    assertThat(ratio.lost()).isZero();
    assertThat(ratio.gained()).isPositive();
    assertThat(ratio.ratio()).isGreaterThan(1 + 5 * ratio.error());
    assertThat(ratio.shiftedSelected() - ratio.nominalSelected()).isEqualTo(ratio.gained());
  }

  @Test
  void yieldRatioMatchesTheEventCountsOfTheSamples() {
    // The shifted sample needs fewer collisions for the same number of selected events.
    Simulator nominal = Simulator.builder().regime(Regime.TAU_LIKE).seed(23).build();
    Simulator shifted =
        Simulator.builder()
            .regime(Regime.TAU_LIKE)
            .nuisances(NuisanceShifts.leptonScale(-1.5))
            .seed(23)
            .build();
    long collisions = 100_000;
    YieldRatio ratio = shifted.yieldRatio(collisions);
    long selectedNominal = countSelected(nominal, collisions);
    long selectedShifted = countSelected(shifted, collisions);

    assertThat(selectedNominal).isEqualTo(ratio.nominalSelected());
    assertThat(selectedShifted).isEqualTo(ratio.shiftedSelected());
    assertThat(ratio.ratio()).isLessThan(1);
  }

  private static long countSelected(Simulator simulator, long collisions) {
    ProcessChannel channel =
        simulator.channel(Simulator.MAIN_STREAM, simulator.process(), simulator.mainGenerator());
    long selected = 0;
    while (true) {
      channel.nextSelected();
      if (channel.collisions() > collisions) {
        return selected;
      }
      selected++;
    }
  }

  @Test
  void normalisationChangesTheYieldNotTheEvents() {
    Simulator shifted =
        Simulator.builder().nuisances(NuisanceShifts.NOMINAL.withNormalisation(2)).seed(24).build();
    Simulator nominal = Simulator.builder().seed(24).build();

    assertThat(shifted.events(500).toList()).isEqualTo(nominal.events(500).toList());
    assertThat(shifted.normalisationFactor())
        .isCloseTo(Math.exp(2 * NuisanceShifts.NORMALISATION_SIGMA), within(1e-15));
    assertThat(shifted.yieldRatio(10_000).ratio())
        .isCloseTo(shifted.normalisationFactor(), within(1e-15));
  }

  @Test
  void parsesCommandLineShifts() {
    assertThat(NuisanceShifts.parse("scale-barrel=1, scale-endcap=-0.5,jes=2,norm=-1"))
        .isEqualTo(new NuisanceShifts(1, -0.5, 2, -1));
    assertThat(NuisanceShifts.parse("scale=1.5")).isEqualTo(NuisanceShifts.leptonScale(1.5));
    assertThat(NuisanceShifts.parse(NuisanceShifts.parse("jes=1,norm=2").toString()))
        .isEqualTo(NuisanceShifts.parse("jes=1,norm=2"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> NuisanceShifts.parse("scale=9"))
        .hasMessageContaining("scale-barrel");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> NuisanceShifts.parse("lumi=1"))
        .hasMessageContaining("unknown nuisance 'lumi'");
  }
}
