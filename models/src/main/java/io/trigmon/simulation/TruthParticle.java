package io.trigmon.simulation;

import io.trigmon.event.ObjectType;

/**
 * A generated visible particle (electron, muon, or a jet's parton) before the detector, with the
 * standard normal deviate its pT measurement must use when the generator already chose it ({@link
 * MigrationBound}), or NaN for a fresh one.
 */
record TruthParticle(ObjectType type, FourVector momentum, double deviate) {

  TruthParticle(ObjectType type, FourVector momentum) {
    this(type, momentum, Double.NaN);
  }
}
