package io.trigmon.simulation;

import io.trigmon.event.ObjectType;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * tt̄ production: the pair mass 2m_t + Γ(3/2, {@value #MASS_SCALE} GeV) (threshold rise, mean ≈ 525
 * GeV), pT and rapidity of the pair, isotropic decays t → bW and W → ℓν (electron or muon, 21.6 %
 * each W) or W → qq̄′. Gives leptons, missing momentum and at least four jets of which two come
 * from b quarks.
 */
final class TopPairGenerator implements ProcessGenerator {

  static final double TOP_MASS = 172.5;
  static final double BOTTOM_MASS = 4.8;
  static final double MASS_SCALE = 120;
  static final double LEPTONIC_W = 0.216;

  private final TabulatedDistribution wMass =
      TabulatedDistribution.of(
          m -> DrellYanLineshape.resonance(m, WJetsGenerator.W_MASS, WJetsGenerator.W_WIDTH),
          40,
          TOP_MASS - BOTTOM_MASS - 1,
          400,
          WJetsGenerator.W_WIDTH,
          WJetsGenerator.W_MASS);

  @Override
  public TruthEvent generate(RandomGenerator rng) {
    // Γ(3/2, θ) = θ (E + Z²/2): an exponential plus half a squared normal deviate.
    double z = rng.nextGaussian();
    double excess = MASS_SCALE * (-Math.log(1 - rng.nextDouble()) + 0.5 * z * z);
    double m = 2 * TOP_MASS + excess;
    double pt = ProductionKinematics.systemPt(rng, 25, 2.2);
    double mt = Math.sqrt(m * m + pt * pt);
    double y = ProductionKinematics.rapidity(rng, 1.2, ProductionKinematics.rapidityLimit(mt));
    FourVector pair = FourVector.ofPtRapidityPhiMass(pt, y, ProductionKinematics.phi(rng), m);
    FourVector[] tops = TwoBodyDecay.isotropic(pair, TOP_MASS, TOP_MASS, rng);
    List<TruthParticle> visible = new ArrayList<>(8);
    FourVector invisible = FourVector.ZERO;
    for (FourVector top : tops) {
      FourVector[] bw = TwoBodyDecay.isotropic(top, BOTTOM_MASS, wMass.sample(rng), rng);
      visible.add(new TruthParticle(ObjectType.JET, bw[0]));
      FourVector[] decay = TwoBodyDecay.isotropic(bw[1], 0, 0, rng);
      if (rng.nextDouble() < 2 * LEPTONIC_W) {
        visible.add(new TruthParticle(DileptonGenerator.randomFlavour(rng), decay[0]));
        invisible = invisible.plus(decay[1]);
      } else {
        visible.add(new TruthParticle(ObjectType.JET, decay[0]));
        visible.add(new TruthParticle(ObjectType.JET, decay[1]));
      }
    }
    ProductionKinematics.addRecoilJets(visible, -pair.px(), -pair.py(), rng);
    return new TruthEvent(visible, invisible);
  }
}
