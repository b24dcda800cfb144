package io.trigmon.simulation;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Makes a dilepton sample with a mass cut cheap without changing it: most collisions generated just
 * below the cut (the Z peak under a 100 GeV cut) can only pass if the detector measures both
 * leptons high, and this class decides that before the expensive part of the event is made.
 *
 * <p>The measured mass is M·√(r₁ r₂ s₁ s₂) for pT response factors r (curvature smearing: r = 1/(1
 * + σG)) and scale factors s ≤ S = exp({@value NuisanceShifts#MAX_SCALE_SIGMAS} σ_scale). With σ̄
 * an upper bound on both leptons' resolution, q = M·S/cut &lt; 1, and t = (1 − q)/σ̄, the cut can
 * only be passed if min(G₁, G₂) &lt; −t (for calorimeter smearing, r = 1 + σG, if max(G₁, G₂) &gt;
 * t' = (1/q − 1)/σ̄). So the collision is kept with the probability w = 2p − p² of that condition
 * (p the normal tail beyond t), else rejected as failing, and the two deviates are drawn from the
 * normal distribution conditioned on it. This is exact thinning: the kept collisions are the
 * original ones restricted to a set that contains every collision passing the cut, for any allowed
 * nuisance shift. σ̄ takes each term of the resolution at its worst over the acceptance and over
 * the pT range a decay product of this pair can have, (m_T + pT)/2 at most. Leptons outside the η
 * acceptance, which is not smeared, are also rejected at once.
 */
final class MigrationBound {

  /** Normal tails beyond this many σ are treated as empty (probability below 10⁻¹⁵). */
  private static final double MAX_TAIL = 8;

  /** Leptons generated below this pT cannot reach the pT cut (a factor-two fluctuation). */
  private static final double LOWEST_PT_FRACTION = 0.5;

  private final double massCut;
  private final double etaMax;
  private final double lowestPt;
  private final double maxScale;
  private final PtResolution resolution;

  MigrationBound(Selection selection, Regime regime) {
    this.massCut = selection.massMin();
    this.etaMax = selection.leptonEtaMax();
    this.lowestPt = Math.max(LOWEST_PT_FRACTION * selection.leptonPtMin(), 1);
    this.maxScale =
        Math.exp(
            NuisanceShifts.MAX_SCALE_SIGMAS
                * Math.max(regime.barrelScaleSigma(), regime.endcapScaleSigma()));
    this.resolution = regime.resolution();
  }

  /** The bound for a selection, or null when it has no dilepton mass cut to exploit. */
  static MigrationBound of(Selection selection, Regime regime) {
    if (selection.minLeptons() < 2 || selection.massMin() <= 0) {
      return null;
    }
    return new MigrationBound(selection, regime);
  }

  /** Whether a lepton direction is inside the (unsmeared) η acceptance. */
  boolean inAcceptance(double eta) {
    return Math.abs(eta) < etaMax;
  }

  /**
   * For a pair of mass m and transverse momentum pt: null if the collision is rejected (it cannot
   * pass), else the two detector deviates to use, NaN when any values may be drawn.
   */
  double[] deviates(double m, double pt, RandomGenerator rng) {
    double q = m * maxScale / massCut;
    if (q >= 1) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double mt = Math.sqrt(m * m + pt * pt);
    double sigma = resolution.upperBound(lowestPt, 0.5 * (mt + pt), etaMax);
    double t = resolution.curvature() ? (1 - q) / sigma : (1 / q - 1) / sigma;
    double u = rng.nextDouble();
    if (t > MAX_TAIL || (t > 1 && u >= 2 * millsBound(t))) {
      // Cheap exit: 2p − p² < 2p < 2φ(t)/t, so u is above the keep probability.
      return null;
    }
    double p = StandardNormal.upperTail(t);
    if (u >= 2 * p - p * p) {
      return null;
    }
    double g1;
    double g2;
    if (rng.nextDouble() * (2 - p) < 1) {
      g1 = lowerTail(p, rng);
      g2 = rng.nextGaussian();
    } else {
      g1 = StandardNormal.quantile(p + (1 - p) * rng.nextDouble());
      g2 = lowerTail(p, rng);
    }
    // Calorimeter smearing passes on upward fluctuations: the mirror image.
    return resolution.curvature() ? new double[] {g1, g2} : new double[] {-g1, -g2};
  }

  /** Mills' inequality: the normal tail beyond t &gt; 0 is below φ(t)/t. */
  private static double millsBound(double t) {
    return Math.exp(-0.5 * t * t) / (t * Math.sqrt(2 * Math.PI));
  }

  /** A standard normal deviate below the quantile of lower-tail probability p. */
  private static double lowerTail(double p, RandomGenerator rng) {
    double u = 1 - rng.nextDouble();
    return StandardNormal.quantile(u * p);
  }
}
