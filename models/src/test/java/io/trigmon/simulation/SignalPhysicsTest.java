package io.trigmon.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.trigmon.event.DileptonFeatures;
import io.trigmon.event.Event;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Physics of the signal samples: the Z′ peak, the EFT excess, the trigger-level topologies. */
class SignalPhysicsTest {

  @Test
  void zPrimePeaksAtItsMassWithinResolution() {
    DileptonMassSpectrum spectrum =
        DileptonMassSpectrum.of(
            Simulator.builder().process(Process.ZPRIME).seed(5).build().events(20_000));

    double mode = spectrum.mode(200, 400, 1);
    double fwhm = spectrum.fullWidthAtHalfMaximum(200, 400, 1);
    // Mode estimate spread ~ FWHM/√N (five of those), plus 0.5 GeV for the parton luminosity,
    // which pulls a 15 GeV wide peak down by ~0.3 GeV.
    double tolerance = 5 * fwhm / Math.sqrt(spectrum.size()) + 0.5;
    assertThat(mode).isCloseTo(Simulator.DEFAULT_ZPRIME_MASS, within(tolerance));
    // Breit–Wigner width 15 GeV convolved with a 1-2 % mass resolution (Voigt FWHM 16-23 GeV).
    assertThat(fwhm).isBetween(Simulator.DEFAULT_ZPRIME_WIDTH, 25.0);
  }

  @Test
  void eftExcessIsDrellYanWeightedByTheOperator() {
    double coupling = 1.5;
    DileptonMassSpectrum eft =
        DileptonMassSpectrum.of(
            Simulator.builder()
                .process(Process.EFT)
                .eftCoupling(coupling)
                .seed(6)
                .build()
                .events(20_000));
    double[] dy =
        Simulator.builder()
            .process(Process.DY)
            .seed(7)
            .build()
            .events(100_000)
            .mapToDouble(e -> DileptonFeatures.of(e).orElseThrow().m12())
            .toArray();

    // Fraction above 300 GeV of Drell–Yan weighted by (1 + c·M²)² − 1, with its error.
    double sum = 0;
    double above = 0;
    for (double m : dy) {
      double w = DrellYanLineshape.eftWeight(m, coupling) - 1;
      sum += w;
      above += m > 300 ? w : 0;
    }
    double weighted = above / sum;
    double variance = 0;
    for (double m : dy) {
      double w = DrellYanLineshape.eftWeight(m, coupling) - 1;
      double d = (m > 300 ? 1 : 0) - weighted;
      variance += w * w * d * d;
    }
    double error = Math.hypot(Math.sqrt(variance) / sum, eft.fractionAboveError(300));

    assertThat(eft.fractionAbove(300)).isCloseTo(weighted, within(4 * error));
    // The excess sits in the tail: far more of it above 300 GeV than of Drell–Yan itself.
    assertThat(eft.fractionAbove(300))
        .isGreaterThan(5 * DileptonMassSpectrum.ofMasses(dy).fractionAbove(300));
  }

  @Test
  void fourLeptonEventsMostlyHaveFourLeptons() {
    List<Event> events =
        Simulator.builder().process(Process.FOUR_LEPTON).seed(8).build().events(5_000).toList();

    long withFour = events.stream().filter(e -> e.leptons().size() >= 4).count();
    assertThat(withFour).isGreaterThan(events.size() / 2);
    assertThat(events).allSatisfy(e -> assertThat(e.stream()).isEqualTo(Process.TRIGGER_STREAM));
  }

  @Test
  void largeMetEventsHaveLargeMissingMomentum() {
    List<Event> events =
        Simulator.builder().process(Process.LARGE_MET).seed(9).build().events(5_000).toList();

    long large = events.stream().filter(e -> e.met().pt() > 100).count();
    assertThat(large).isGreaterThan(9 * events.size() / 10);
  }
}
