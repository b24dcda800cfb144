package io.trigmon.simulation;

import java.util.List;

/**
 * The generated final state of one collision: visible particles and the sum of the invisible ones
 * (neutrinos, dark matter). Transverse momentum balances among them up to beam remnants.
 */
record TruthEvent(List<TruthParticle> visible, FourVector invisible) {}
