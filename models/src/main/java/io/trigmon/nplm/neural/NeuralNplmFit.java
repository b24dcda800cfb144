package io.trigmon.nplm.neural;

import io.trigmon.mlp.DenseNetwork;
import io.trigmon.mlp.Standardisation;
import java.util.Map;

/**
 * Outcome of one neural NPLM fit.
 *
 * @param tau −2 × the loss at the trained parameters (recomputed in double precision)
 * @param nuHat fitted ν̂ by name (σ units; {@code norm} for the normalisation)
 * @param epochs Adam steps run
 * @param seconds wall time of the fit
 * @param network the trained f (on standardised inputs)
 * @param standardisation the input standardisation (from the reference)
 */
public record NeuralNplmFit(
    double tau,
    Map<String, Double> nuHat,
    int epochs,
    double seconds,
    DenseNetwork network,
    Standardisation standardisation) {

  public NeuralNplmFit {
    nuHat = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(nuHat));
  }
}
