package io.trigmon.simulation;

import io.trigmon.event.ObjectType;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Drell–Yan-like production of a lepton pair: the mass from a lineshape, the pair's transverse
 * momentum from a falling spectrum (peak at a few GeV, power-law tail, harder for heavier pairs),
 * its rapidity Gaussian of width {@value #RAPIDITY_SIGMA} within the kinematic limit, the decay
 * with 1 + cos²θ* in the Collins–Soper frame, and the initial-state jets that balance the pair's
 * transverse momentum. Used for Drell–Yan, Z′, the EFT excess and Z→ℓℓ+jets.
 */
final class DileptonGenerator implements ProcessGenerator {

  static final double RAPIDITY_SIGMA = 2.0;

  /** Scale p0 of the pair-pT spectrum at the Z mass, GeV, and its tail parameter. */
  static final double PT_SCALE = 6;

  static final double PT_TAIL = 2.3;

  private static final double[] FREE = {Double.NaN, Double.NaN};

  private final TabulatedDistribution mass;
  private final ObjectType flavour;
  private final MigrationBound bound;

  /**
   * @param mass the lineshape
   * @param flavour the lepton flavour, or null for electrons and muons with equal probability
   * @param bound early rejection of collisions that cannot pass a mass cut, or null
   */
  DileptonGenerator(TabulatedDistribution mass, ObjectType flavour, MigrationBound bound) {
    this.mass = mass;
    this.flavour = flavour;
    this.bound = bound;
  }

  @Override
  public TruthEvent generate(RandomGenerator rng) {
    ObjectType type = flavour != null ? flavour : randomFlavour(rng);
    double m = mass.sample(rng);
    double pt = bound != null ? bound.samplePairPt(m, rng) : pairPt(m, rng);
    double[] deviates = bound != null ? bound.deviates(m, pt, rng) : FREE;
    if (deviates == null) {
      return null;
    }
    FourVector pair = pair(m, pt, rng);
    FourVector[] leptons = TwoBodyDecay.collinsSoper(pair, rng);
    if (bound != null
        && !(bound.inAcceptance(leptons[0].eta()) && bound.inAcceptance(leptons[1].eta()))) {
      return null;
    }
    List<TruthParticle> visible = new ArrayList<>(4);
    visible.add(new TruthParticle(type, leptons[0], deviates[0]));
    visible.add(new TruthParticle(type, leptons[1], deviates[1]));
    ProductionKinematics.addRecoilJets(visible, -pair.px(), -pair.py(), rng);
    return new TruthEvent(visible, FourVector.ZERO);
  }

  /**
   * The transverse momentum of a pair of mass m from dN/dpT ∝ pT/(pT² + p0²)^a ({@link
   * ProductionKinematics#systemPt}), p0 growing slowly with the mass.
   */
  static double pairPt(double m, RandomGenerator rng) {
    return pairPtQuantile(m, rng.nextDouble());
  }

  /** The cumulative distribution of the pair pT at mass m: 1 − (1 + pT²/p0²)^(1−a). */
  static double pairPtCdf(double m, double pt) {
    double x = pt / pairPtScale(m);
    return 1 - Math.pow(1 + x * x, 1 - PT_TAIL);
  }

  /** The pair pT at cumulative probability {@code f} in [0, 1). */
  static double pairPtQuantile(double m, double f) {
    return pairPtScale(m) * Math.sqrt(Math.pow(1 - f, 1 / (1 - PT_TAIL)) - 1);
  }

  private static double pairPtScale(double m) {
    return PT_SCALE * Math.pow(m / DrellYanLineshape.Z_MASS, 0.3);
  }

  /** A system of mass m and transverse momentum pt with the Drell–Yan rapidity spectrum. */
  static FourVector pair(double m, double pt, RandomGenerator rng) {
    double mt = Math.sqrt(m * m + pt * pt);
    double y =
        ProductionKinematics.rapidity(rng, RAPIDITY_SIGMA, ProductionKinematics.rapidityLimit(mt));
    double phi = ProductionKinematics.phi(rng);
    return FourVector.ofPtRapidityPhiMass(pt, y, phi, m);
  }

  static ObjectType randomFlavour(RandomGenerator rng) {
    return rng.nextBoolean() ? ObjectType.ELECTRON : ObjectType.MUON;
  }
}
