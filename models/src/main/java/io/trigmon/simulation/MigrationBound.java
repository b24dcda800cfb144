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
 *
 * <p>To avoid even drawing the masses that are almost always rejected, the keep probability is
 * folded into the sampling: w grows with the pair pT, so below a cap of {@value #PT_CAP} GeV it is
 * at most H = w(M, cap); above the cap H = 1. The mass is drawn from the lineshape times h(M) = ∫
 * g(pT|M) H dpT ({@link #massWeight}), the pT from g·H/h ({@link #samplePairPt}), and the collision
 * kept with probability w/H: the product is again f(M) g(pT|M) w, exactly.
 */
final class MigrationBound {

  /** Normal tails beyond this many σ are treated as empty (probability below 10⁻¹⁵). */
  private static final double MAX_TAIL = 8;

  /**
   * Pair pT (GeV) below which the keep probability is bounded by its value at this pT, so that it
   * can be folded into the mass lineshape; the few pairs above it are thinned one by one.
   */
  static final double PT_CAP = 30;

  /** Leptons generated below this pT cannot reach the pT cut (a factor-two fluctuation). */
  private static final double LOWEST_PT_FRACTION = 0.5;

  private final double massCut;
  private final double etaMax;
  private final double lowestPt;
  private final double maxScale;
  private final PtResolution resolution;

  /** σ̄ when it does not depend on the pair (no pT-proportional term), else NaN. */
  private final double fixedSigma;

  MigrationBound(Selection selection, Regime regime) {
    this.massCut = selection.massMin();
    this.etaMax = selection.leptonEtaMax();
    this.lowestPt = Math.max(LOWEST_PT_FRACTION * selection.leptonPtMin(), 1);
    this.maxScale =
        Math.exp(
            NuisanceShifts.MAX_SCALE_SIGMAS
                * Math.max(regime.barrelScaleSigma(), regime.endcapScaleSigma()));
    this.resolution = regime.resolution();
    this.fixedSigma =
        resolution.slope() == 0 ? resolution.upperBound(lowestPt, lowestPt, etaMax) : Double.NaN;
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
   * The factor h(M) ≤ 1 by which the mass lineshape is multiplied: the probability that a collision
   * of mass M is kept, bounded from above by its value at the pT cap for pairs below it, and by one
   * above it.
   */
  double massWeight(double m) {
    if (isFree(m)) {
      return 1;
    }
    double belowCap = DileptonGenerator.pairPtCdf(m, PT_CAP);
    return keepProbability(m, PT_CAP) * belowCap + (1 - belowCap);
  }

  /**
   * A pair pT for a mass drawn from the thinned lineshape: from the pT spectrum times the envelope
   * H (the kept fraction at the cap below it, one above), divided by h(M).
   */
  double samplePairPt(double m, RandomGenerator rng) {
    if (isFree(m)) {
      return DileptonGenerator.pairPt(m, rng);
    }
    double belowCap = DileptonGenerator.pairPtCdf(m, PT_CAP);
    double lowPart = keepProbability(m, PT_CAP) * belowCap;
    double choice = rng.nextDouble() * (lowPart + 1 - belowCap);
    double u = rng.nextDouble();
    double f = choice < lowPart ? u * belowCap : belowCap + u * (1 - belowCap);
    return DileptonGenerator.pairPtQuantile(m, Math.min(f, Math.nextDown(1.0)));
  }

  /**
   * For a pair of mass m and transverse momentum pt drawn by {@link #samplePairPt}: null if the
   * collision is rejected (it cannot pass), else the two detector deviates to use, NaN when any
   * values may be drawn. Kept with probability w/H, so that overall the keep probability is w.
   */
  double[] deviates(double m, double pt, RandomGenerator rng) {
    if (isFree(m)) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double t = threshold(m, pt);
    double envelope = pt <= PT_CAP ? keepProbability(m, PT_CAP) : 1;
    double u = rng.nextDouble() * envelope;
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
      g1 = StandardNormal.quantile(Math.min(p + (1 - p) * rng.nextDouble(), Math.nextDown(1.0)));
      g2 = lowerTail(p, rng);
    }
    // Calorimeter smearing passes on upward fluctuations: the mirror image.
    return resolution.curvature() ? new double[] {g1, g2} : new double[] {-g1, -g2};
  }

  private boolean isFree(double m) {
    return m * maxScale >= massCut;
  }

  /** t: how far (in σ̄) the deviate must go for a pair of mass m and pT pt to reach the cut. */
  private double threshold(double m, double pt) {
    double q = m * maxScale / massCut;
    double sigma = fixedSigma;
    if (Double.isNaN(sigma)) {
      double mt = Math.sqrt(m * m + pt * pt);
      sigma = resolution.upperBound(lowestPt, 0.5 * (mt + pt), etaMax);
    }
    return resolution.curvature() ? (1 - q) / sigma : (1 / q - 1) / sigma;
  }

  /** w = P(min(G₁, G₂) &lt; −t) = 2p − p², the probability that the collision can pass. */
  private double keepProbability(double m, double pt) {
    double t = threshold(m, pt);
    if (t > MAX_TAIL) {
      return 0;
    }
    double p = StandardNormal.upperTail(t);
    return 2 * p - p * p;
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
