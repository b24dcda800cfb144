package io.trigmon.nuisance;

import java.util.List;

/**
 * A learned model of how shape nuisances deform the reference density: evaluates the δ̂
 * coefficients of the quadratic expansion log r̂(x;ν) = Σ_k δ̂_k1(x) ν_k + δ̂_k2(x) ν_k² on raw
 * (unstandardised) NPLM feature rows. Implementations carry their own input standardisation.
 */
public interface ShapeNuisanceModel {

  /** Names of the shape nuisances, in the order of {@link NuisanceTerms#names()}. */
  List<String> names();

  /** δ̂ coefficients on each row of {@code features} (N × 5, raw units). */
  NuisanceTerms evaluate(double[][] features);
}
