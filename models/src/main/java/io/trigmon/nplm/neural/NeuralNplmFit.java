package io.trigmon.nplm.neural;

import io.trigmon.mlp.DenseNetwork;
import io.trigmon.mlp.Standardisation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Outcome of one neural NPLM test: the τ fit (f and ν) and the Δ fit (ν only), t = τ − Δ.
 *
 * @param tau −2 × the loss at the trained parameters (double precision)
 * @param delta −2 × the minimum of the ν-only loss (0 without nuisances)
 * @param nuHat ν̂ of the τ fit by name (σ units; {@code norm} for the normalisation)
 * @param nuHatDelta ν̂ of the Δ fit
 * @param iterations optimiser iterations (or epochs) of the τ fit plus the Δ fit
 * @param evaluations loss-and-gradient evaluations of both fits
 * @param seconds wall time of both fits
 * @param network the trained f (on standardised inputs)
 * @param standardisation the input standardisation (from the reference)
 */
public record NeuralNplmFit(
    double tau,
    double delta,
    Map<String, Double> nuHat,
    Map<String, Double> nuHatDelta,
    int iterations,
    int evaluations,
    double seconds,
    DenseNetwork network,
    Standardisation standardisation) {

  public NeuralNplmFit {
    nuHat = Collections.unmodifiableMap(new LinkedHashMap<>(nuHat));
    nuHatDelta = Collections.unmodifiableMap(new LinkedHashMap<>(nuHatDelta));
  }

  /** t = τ − Δ. */
  public double t() {
    return tau - delta;
  }
}
