package io.trigmon.simulation;

import io.trigmon.event.ObjectType;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * W → ℓν + jets: the W mass from its Breit–Wigner (80.38 GeV, Γ = 2.09 GeV) times the parton
 * luminosity, production like Drell–Yan but with a harder pT spectrum (the trigger favours W bosons
 * with recoiling jets), decay with 1 + cos²θ* into an electron or a muon and a neutrino, and
 * initial-state jets balancing the W.
 */
final class WJetsGenerator implements ProcessGenerator {

  static final double W_MASS = 80.377;
  static final double W_WIDTH = 2.085;

  private final TabulatedDistribution mass =
      TabulatedDistribution.of(
          m -> DrellYanLineshape.resonance(m, W_MASS, W_WIDTH), 40, 300, 400, W_WIDTH, W_MASS);

  @Override
  public TruthEvent generate(RandomGenerator rng) {
    double m = mass.sample(rng);
    double pt = ProductionKinematics.systemPt(rng, 12, 2.1);
    double mt = Math.sqrt(m * m + pt * pt);
    double y = ProductionKinematics.rapidity(rng, 2.0, ProductionKinematics.rapidityLimit(mt));
    FourVector w = FourVector.ofPtRapidityPhiMass(pt, y, ProductionKinematics.phi(rng), m);
    FourVector[] daughters = TwoBodyDecay.collinsSoper(w, rng);
    ObjectType flavour = DileptonGenerator.randomFlavour(rng);
    List<TruthParticle> visible = new ArrayList<>(4);
    visible.add(new TruthParticle(flavour, daughters[0]));
    ProductionKinematics.addRecoilJets(visible, -w.px(), -w.py(), rng);
    return new TruthEvent(visible, daughters[1]);
  }
}
