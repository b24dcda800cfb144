package io.trigmon.simulation;

import org.apache.commons.math3.random.RandomGenerator;

/** The trigger-level Standard Model stream: each collision is one process drawn by its fraction. */
final class SmMixtureGenerator implements ProcessGenerator {

  private final double[] cumulative;
  private final ProcessGenerator[] processes;

  SmMixtureGenerator(SmMixture mixture, TabulatedDistribution dileptonMass) {
    processes =
        new ProcessGenerator[] {
          new QcdMultijetGenerator(),
          new WJetsGenerator(),
          new DileptonGenerator(dileptonMass, null, null),
          new TopPairGenerator()
        };
    double[] fractions = {mixture.qcd(), mixture.wJets(), mixture.zJets(), mixture.topPair()};
    cumulative = new double[fractions.length];
    double sum = 0;
    for (int i = 0; i < fractions.length; i++) {
      sum += fractions[i];
      cumulative[i] = sum;
    }
  }

  @Override
  public TruthEvent generate(RandomGenerator rng) {
    double u = rng.nextDouble() * cumulative[cumulative.length - 1];
    for (int i = 0; i < cumulative.length - 1; i++) {
      if (u < cumulative[i]) {
        return processes[i].generate(rng);
      }
    }
    return processes[processes.length - 1].generate(rng);
  }
}
