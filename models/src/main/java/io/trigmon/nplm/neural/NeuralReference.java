package io.trigmon.nplm.neural;

import io.trigmon.nplm.NplmOptions;
import io.trigmon.nplm.NplmResult;
import io.trigmon.nplm.WindowTest;
import io.trigmon.nuisance.NuisanceTerms;
import java.util.List;

/**
 * The neural NPLM bound to one reference sample and its δ̂ (evaluated once), testing windows with
 * the same composition as the kernel NPLM (N(R0) or shape-only, σ_N, auxiliary constraints): τ, Δ,
 * t = τ − Δ and ν̂ of both fits, as an {@link NplmResult} with method {@code nn}. Every window is a
 * fresh fit from the same initial network.
 */
public final class NeuralReference implements WindowTest {

  private final double[][] reference;
  private final NuisanceTerms referenceTerms;
  private final NeuralNplm nplm;

  /**
   * @param reference reference rows
   * @param referenceTerms δ̂ on the reference rows ({@link NuisanceTerms#none()} without a model)
   * @param nplm the neural NPLM and its training settings
   */
  public NeuralReference(double[][] reference, NuisanceTerms referenceTerms, NeuralNplm nplm) {
    if (referenceTerms.names().contains(NplmOptions.NORM)) {
      throw new IllegalArgumentException(
          "'" + NplmOptions.NORM + "' is reserved for the normalisation nuisance");
    }
    this.reference = reference;
    this.referenceTerms = referenceTerms;
    this.nplm = nplm;
  }

  @Override
  public NplmResult test(double[][] window, NuisanceTerms windowTerms, NplmOptions options) {
    if (!windowTerms.names().equals(referenceTerms.names())) {
      throw new IllegalArgumentException(
          "window δ̂ for " + windowTerms.names() + " but reference δ̂ for " + nuisanceNames());
    }
    for (String name : options.aux().keySet()) {
      if (!name.equals(NplmOptions.NORM) && !nuisanceNames().contains(name)) {
        throw new IllegalArgumentException(
            "auxiliary value for unknown nuisance '" + name + "' (known: " + nuisanceNames() + ")");
      }
    }
    if (window.length == 0) {
      throw new IllegalArgumentException("empty data window");
    }
    NeuralNplmFit fit =
        nplm.test(NeuralNplmProblem.of(reference, referenceTerms, window, windowTerms, options));
    return new NplmResult(
        fit.t(),
        fit.tau(),
        fit.delta(),
        fit.nuHat(),
        fit.nuHatDelta(),
        null,
        null,
        null,
        window.length,
        reference.length,
        fit.seconds(),
        fit.iterations(),
        "nn",
        null);
  }

  @Override
  public List<String> nuisanceNames() {
    return referenceTerms.names();
  }

  public NeuralNplmConfig config() {
    return nplm.config();
  }
}
