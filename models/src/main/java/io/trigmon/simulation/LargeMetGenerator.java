package io.trigmon.simulation;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A trigger-level signal with large missing transverse momentum: a pair of invisible particles
 * (mass of the pair {@value #MASS_MIN} GeV + an exponential of mean {@value #MASS_SCALE} GeV)
 * produced with pT from dN/dpT ∝ pT^−4 above {@value #PT_MIN} GeV and balanced by initial-state
 * jets (a mono-jet topology, as from dark-matter production).
 */
final class LargeMetGenerator implements ProcessGenerator {

  static final double MASS_MIN = 200;
  static final double MASS_SCALE = 200;
  static final double PT_MIN = 150;

  @Override
  public TruthEvent generate(RandomGenerator rng) {
    double m = MASS_MIN - MASS_SCALE * Math.log(1 - rng.nextDouble());
    double pt = ProductionKinematics.powerLaw(rng, PT_MIN, 4);
    double mt = Math.sqrt(m * m + pt * pt);
    double yMax = Math.max(0.1, ProductionKinematics.rapidityLimit(mt));
    double y = ProductionKinematics.rapidity(rng, 1.5, yMax);
    FourVector invisible = FourVector.ofPtRapidityPhiMass(pt, y, ProductionKinematics.phi(rng), m);
    List<TruthParticle> visible = new ArrayList<>(2);
    ProductionKinematics.addRecoilJets(visible, -invisible.px(), -invisible.py(), rng);
    return new TruthEvent(visible, invisible);
  }
}
