package io.trigmon.nuisance;

import java.util.List;

/**
 * The learned Taylor coefficients δ̂_k1(x_e), δ̂_k2(x_e) of the shape nuisances evaluated on a set
 * of events, so that log r̂(x_e;ν) = Σ_k [linear[k][e]·ν_k + quadratic[k][e]·ν_k²]. Evaluated once
 * per reference sample and once per data window, then reused by every fit.
 *
 * @param names nuisance names, index k
 * @param linear δ̂_k1 per nuisance k and event e
 * @param quadratic δ̂_k2 per nuisance k and event e
 */
public record NuisanceTerms(List<String> names, double[][] linear, double[][] quadratic) {

  public NuisanceTerms {
    names = List.copyOf(names);
    if (linear.length != names.size() || quadratic.length != names.size()) {
      throw new IllegalArgumentException("one row of coefficients per nuisance expected");
    }
  }

  /** No shape nuisances (a test without δ̂ model). */
  public static NuisanceTerms none() {
    return new NuisanceTerms(List.of(), new double[0][], new double[0][]);
  }

  public int nuisances() {
    return names.size();
  }

  /** log r̂(x_e;ν) of event e for nuisance values ν (in σ units). */
  public double logRatio(int event, double[] nu) {
    double sum = 0;
    for (int k = 0; k < nu.length; k++) {
      sum += nu[k] * (linear[k][event] + nu[k] * quadratic[k][event]);
    }
    return sum;
  }
}
