package io.trigmon.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.trigmon.event.DileptonFeatures;
import io.trigmon.event.Event;
import io.trigmon.event.ObjectType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Physics of the Drell–Yan sample: the Z peak, the tail above the NPLM cut, the cuts. */
class DrellYanPhysicsTest {

  private static Simulator drellYan(long seed) {
    return Simulator.builder().process(Process.DY).regime(Regime.MUON_LIKE).seed(seed).build();
  }

  @Test
  void withoutTheMassCutTheSpectrumPeaksAtTheZMass() {
    DileptonMassSpectrum spectrum =
        DileptonMassSpectrum.of(
            Simulator.builder().process(Process.DY).massCut(false).seed(7).build().events(40_000));

    double mode = spectrum.mode(80, 100, 0.25);
    double fwhm = spectrum.fullWidthAtHalfMaximum(80, 100, 0.25);
    // Statistical spread of a mode estimate ~ FWHM/√N; allow five of those plus a bin's worth.
    double tolerance = 5 * fwhm / Math.sqrt(spectrum.size()) + 0.1;
    assertThat(mode).isCloseTo(DrellYanLineshape.Z_MASS, within(tolerance));
    // The observed width is the Z width convolved with a ~1-2 % mass resolution.
    assertThat(fwhm).isBetween(DrellYanLineshape.Z_WIDTH, DrellYanLineshape.Z_WIDTH + 3.0);
  }

  @Test
  void tailAboveTheCutIsStableAcrossSeeds() {
    DileptonMassSpectrum first = DileptonMassSpectrum.of(drellYan(1).events(40_000));
    DileptonMassSpectrum second = DileptonMassSpectrum.of(drellYan(2).events(40_000));

    double f1 = first.fractionAbove(300);
    double f2 = second.fractionAbove(300);
    double fractionError =
        Math.hypot(first.fractionAboveError(300), second.fractionAboveError(300));
    assertThat(Math.abs(f1 - f2)).isLessThan(4 * fractionError);

    DileptonMassSpectrum.PowerLawFit s1 = first.tailSlope(150, 500);
    DileptonMassSpectrum.PowerLawFit s2 = second.tailSlope(150, 500);
    assertThat(Math.abs(s1.slope() - s2.slope()))
        .isLessThan(4 * Math.hypot(s1.error(), s2.error()));
    // A falling Drell–Yan continuum: close to M^-4 between 150 and 500 GeV at 13 TeV.
    assertThat(s1.slope()).isBetween(-5.0, -3.3);
    assertThat(f1).isBetween(0.005, 0.05);
  }

  @Test
  void everyEventPassesTheAcceptanceAndTheMassCut() {
    List<Event> events = drellYan(3).events(20_000).toList();

    assertThat(events)
        .allSatisfy(
            e -> {
              assertThat(e.muons()).hasSize(2);
              assertThat(e.electrons()).isEmpty();
              assertThat(e.stream()).isEqualTo("dimuon");
              assertThat(e.muons())
                  .allSatisfy(
                      mu -> {
                        assertThat(mu.pt()).isGreaterThan(20f);
                        assertThat(Math.abs(mu.eta())).isLessThan(2.4f);
                      });
              assertThat(DileptonFeatures.of(e).orElseThrow().m12()).isGreaterThan(100);
            });
  }

  @Test
  void electronLikeRegimeGivesDielectrons() {
    List<Event> events =
        Simulator.builder().regime(Regime.ELECTRON_LIKE).seed(4).build().events(2_000).toList();

    assertThat(events)
        .allSatisfy(
            e -> {
              assertThat(e.electrons()).hasSize(2);
              assertThat(e.muons()).isEmpty();
              assertThat(e.stream()).isEqualTo("dielectron");
            });
    assertThat(Regime.TAU_LIKE.flavour()).isEqualTo(ObjectType.MUON);
  }

  @ParameterizedTest
  @EnumSource(Regime.class)
  void earlyRejectionDoesNotChangeTheSelectedSample(Regime regime) {
    // The same selection applied after generating everything above 50 GeV (no thinning, no
    // generation threshold) must give the same spectrum, migrations across the cut included.
    DileptonMassSpectrum thinned =
        DileptonMassSpectrum.of(Simulator.builder().regime(regime).seed(11).build().events(20_000));
    DileptonMassSpectrum plain =
        DileptonMassSpectrum.of(
            Simulator.builder()
                .regime(regime)
                .massCut(false)
                .seed(12)
                .build()
                .events(150_000)
                .filter(e -> DileptonFeatures.of(e).orElseThrow().m12() > 100));

    assertThat(plain.size()).isGreaterThan(5_000);
    for (double edge : new double[] {101, 102, 105, 120, 200}) {
      double a = 1 - thinned.fractionAbove(edge);
      double b = 1 - plain.fractionAbove(edge);
      double error = Math.hypot(thinned.fractionAboveError(edge), plain.fractionAboveError(edge));
      assertThat(Math.abs(a - b)).as("fraction below %s GeV", edge).isLessThan(4 * error);
    }
  }
}
