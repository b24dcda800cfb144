package io.trigmon.simulation;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Transverse-momentum resolution of a reconstructed object:
 *
 * <pre>
 *   σ(pT)/pT = (1 + growth·|η|) · √( constant² + stochastic²/E + (slope·pT)² ),  E = pT cosh η,
 * </pre>
 *
 * so the absolute resolution grows with pT and the relative one with |η| (more material, shorter
 * lever arm in the endcaps). Tracker-measured objects (muons) are smeared in curvature 1/pT, which
 * gives the high side tail of a real muon spectrometer; calorimeter-measured ones (electrons, jets)
 * in energy.
 *
 * @param constant relative constant term
 * @param stochastic stochastic term, √GeV (0 for a tracker)
 * @param slope relative resolution per GeV of pT (the curvature term of a tracker)
 * @param growth relative increase per unit |η|
 * @param curvature whether 1/pT (true) or pT (false) is Gaussian
 */
public record PtResolution(
    double constant, double stochastic, double slope, double growth, boolean curvature) {

  /** Relative resolution σ(pT)/pT at this pT (GeV) and η. */
  public double relative(double pt, double eta) {
    double energy = pt * Math.cosh(eta);
    double base =
        Math.sqrt(
            constant * constant
                + stochastic * stochastic / Math.max(energy, 1e-3)
                + slope * slope * pt * pt);
    return (1 + growth * Math.abs(eta)) * base;
  }

  /**
   * An upper bound of {@link #relative} for pT in [ptLow, ptHigh] and |η| &lt; etaMax. The quantity
   * under the square root is convex in pT, so the maximum is at one of the ends. Without a
   * stochastic term the resolution grows with |η| and the bound is exact at etaMax; without a
   * pT-proportional term it falls with pT and its maximum over η at ptLow is found on a fine grid
   * (with a 1 % margin, far above the grid's error); with both, each term is taken at its worst.
   */
  public double upperBound(double ptLow, double ptHigh, double etaMax) {
    if (stochastic == 0) {
      return (1 + growth * etaMax)
          * Math.sqrt(constant * constant + slope * slope * ptHigh * ptHigh);
    }
    if (slope == 0) {
      double worst = 0;
      for (int i = 0; i <= 200; i++) {
        worst = Math.max(worst, relative(ptLow, etaMax * i / 200));
      }
      return 1.01 * worst;
    }
    double base =
        Math.sqrt(
            constant * constant
                + stochastic * stochastic / ptLow
                + slope * slope * ptHigh * ptHigh);
    return (1 + growth * etaMax) * base;
  }

  /** A measured pT for a true pT, never below 1 % of the true value. */
  public double smear(double pt, double eta, RandomGenerator rng) {
    return smear(pt, eta, rng.nextGaussian());
  }

  /** The measured pT for a true pT when the standard normal deviate is {@code deviate}. */
  public double smear(double pt, double eta, double deviate) {
    double sigma = relative(pt, eta);
    double factor = 1 + sigma * deviate;
    double measured = curvature ? pt / Math.max(factor, 0.01) : pt * factor;
    return Math.max(measured, 0.01 * pt);
  }
}
