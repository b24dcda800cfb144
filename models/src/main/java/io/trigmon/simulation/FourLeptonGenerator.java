package io.trigmon.simulation;

import io.trigmon.event.ObjectType;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A trigger-level signal with an unusual topology: a scalar of {@value #MASS} GeV (Γ = {@value
 * #WIDTH} GeV) decaying isotropically to two on-shell Z bosons, each decaying isotropically to an
 * electron or a muon pair — four high-pT leptons, rare in the Standard Model stream.
 */
final class FourLeptonGenerator implements ProcessGenerator {

  static final double MASS = 500;
  static final double WIDTH = 10;

  private final TabulatedDistribution mass =
      TabulatedDistribution.of(
          m -> DrellYanLineshape.resonance(m, MASS, WIDTH),
          MASS - 15 * WIDTH,
          MASS + 15 * WIDTH,
          200,
          WIDTH,
          MASS);

  private final TabulatedDistribution zMass =
      TabulatedDistribution.of(
          m -> DrellYanLineshape.resonance(m, DrellYanLineshape.Z_MASS, DrellYanLineshape.Z_WIDTH),
          70,
          110,
          200,
          DrellYanLineshape.Z_WIDTH,
          DrellYanLineshape.Z_MASS);

  @Override
  public TruthEvent generate(RandomGenerator rng) {
    double m = mass.sample(rng);
    double pt = ProductionKinematics.systemPt(rng, 20, 2.3);
    double mt = Math.sqrt(m * m + pt * pt);
    double y = ProductionKinematics.rapidity(rng, 1.5, ProductionKinematics.rapidityLimit(mt));
    FourVector scalar = FourVector.ofPtRapidityPhiMass(pt, y, ProductionKinematics.phi(rng), m);
    FourVector[] zs = TwoBodyDecay.isotropic(scalar, zMass.sample(rng), zMass.sample(rng), rng);
    List<TruthParticle> visible = new ArrayList<>(6);
    for (FourVector z : zs) {
      ObjectType flavour = DileptonGenerator.randomFlavour(rng);
      for (FourVector lepton : TwoBodyDecay.isotropic(z, 0, 0, rng)) {
        visible.add(new TruthParticle(flavour, lepton));
      }
    }
    ProductionKinematics.addRecoilJets(visible, -scalar.px(), -scalar.py(), rng);
    return new TruthEvent(visible, FourVector.ZERO);
  }
}
