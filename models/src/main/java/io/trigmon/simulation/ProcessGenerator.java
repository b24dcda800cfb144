package io.trigmon.simulation;

import org.apache.commons.math3.random.RandomGenerator;

/** Generates the truth-level final state of one collision of a process. */
interface ProcessGenerator {

  /**
   * One collision, drawing only from {@code rng}; null when the generator can tell that the
   * collision fails the selection whatever the detector and the nuisances do.
   */
  TruthEvent generate(RandomGenerator rng);
}
