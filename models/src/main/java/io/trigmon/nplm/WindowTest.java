package io.trigmon.nplm;

import io.trigmon.nuisance.NuisanceTerms;
import java.util.List;

/**
 * An NPLM test bound to one reference sample (and its δ̂), run on data windows: the kernel NPLM
 * ({@link KernelNplm}) or the neural one ({@code io.trigmon.nplm.neural.NeuralReference}). Null
 * toys and calibrations are made through this seam, so each method is calibrated with its own toys.
 */
public interface WindowTest {

  /** Tests a window with its δ̂ coefficients (same nuisances, same order as the reference's). */
  NplmResult test(double[][] window, NuisanceTerms windowTerms, NplmOptions options);

  /** Names of the shape nuisances, in δ̂ order. */
  List<String> nuisanceNames();
}
