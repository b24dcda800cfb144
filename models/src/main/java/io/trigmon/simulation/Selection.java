package io.trigmon.simulation;

import io.trigmon.event.DileptonFeatures;
import io.trigmon.event.Particle;
import java.util.List;

/**
 * Event selection applied to the measured (smeared and nuisance-shifted) objects: at least {@code
 * minLeptons} leptons (electrons and muons), the leading two within the acceptance pT &gt; {@code
 * leptonPtMin}, |η| &lt; {@code leptonEtaMax}, and their invariant mass above {@code massMin}.
 * Because it acts after the shifts, a momentum-scale shift moves events across the cuts.
 *
 * @param minLeptons leptons required (0 or 2)
 * @param leptonPtMin GeV, for the leading two leptons
 * @param leptonEtaMax for the leading two leptons
 * @param massMin GeV, on the mass of the leading two leptons (0 for none)
 */
public record Selection(int minLeptons, double leptonPtMin, double leptonEtaMax, double massMin) {

  /** The NPLM benchmark's mass cut, GeV. */
  public static final double NPLM_MASS_MIN = 100;

  /** No selection: every generated collision is kept. */
  public static final Selection NONE = new Selection(0, 0, Double.POSITIVE_INFINITY, 0);

  public Selection {
    if (minLeptons != 0 && minLeptons != 2) {
      throw new IllegalArgumentException("minLeptons must be 0 or 2, got " + minLeptons);
    }
    if (!(leptonPtMin >= 0) || !(leptonEtaMax > 0) || !(massMin >= 0)) {
      throw new IllegalArgumentException(
          "selection needs leptonPtMin >= 0, leptonEtaMax > 0, massMin >= 0, got " + this);
    }
  }

  /** Two leptons with pT &gt; 20 GeV and |η| &lt; 2.4 and M12 above {@code massMin} (GeV). */
  public static Selection dilepton(double massMin) {
    return new Selection(2, 20, 2.4, massMin);
  }

  /** The NPLM benchmark selection: {@link #dilepton(double)} with M12 &gt; 100 GeV. */
  public static Selection nplm() {
    return dilepton(NPLM_MASS_MIN);
  }

  /** This selection without the mass cut (acceptance only). */
  public Selection withoutMassCut() {
    return new Selection(minLeptons, leptonPtMin, leptonEtaMax, 0);
  }

  /** Whether leptons sorted by decreasing pT pass. */
  public boolean passes(List<Particle> leptons) {
    if (minLeptons == 0) {
      return true;
    }
    if (leptons.size() < minLeptons) {
      return false;
    }
    Particle first = leptons.get(0);
    Particle second = leptons.get(1);
    if (!inAcceptance(first) || !inAcceptance(second)) {
      return false;
    }
    return massMin <= 0
        || DileptonFeatures.m12(
                first.pt(),
                second.pt(),
                first.eta(),
                second.eta(),
                DileptonFeatures.wrap(first.phi() - second.phi()))
            > massMin;
  }

  private boolean inAcceptance(Particle lepton) {
    return lepton.pt() > leptonPtMin && Math.abs(lepton.eta()) < leptonEtaMax;
  }
}
