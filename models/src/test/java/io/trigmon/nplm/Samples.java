package io.trigmon.nplm;

import io.trigmon.nuisance.NuisanceTerms;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Test samples with analytic nuisances: five independent unit Gaussians, optionally with feature 0
 * shifted by ν·σ_s. Then log r̂(x;ν) = ν σ_s x₀ − ν² σ_s²/2 exactly, i.e. δ̂₁ = σ_s x₀ and δ̂₂ =
 * −σ_s²/2, a pure quadratic expansion.
 */
final class Samples {

  static final int D = 5;

  private Samples() {}

  static double[][] gaussian(int n, double shift0, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] x = new double[n][D];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < D; j++) {
        x[i][j] = gauss(random);
      }
      x[i][0] += shift0;
    }
    return x;
  }

  /** Gaussian sample with a fraction of events replaced by a narrow bump at (2, 2, 0, 0, 0). */
  static double[][] withBump(int n, int signal, long seed) {
    double[][] x = gaussian(n, 0, seed);
    SplittableRandom random = new SplittableRandom(seed + 1);
    for (int i = 0; i < signal; i++) {
      for (int j = 0; j < D; j++) {
        x[i][j] = (j < 2 ? 2 : 0) + 0.2 * gauss(random);
      }
    }
    return x;
  }

  static NuisanceTerms shiftTerms(double[][] x, double sigma) {
    double[] linear = new double[x.length];
    double[] quadratic = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      linear[i] = sigma * x[i][0];
      quadratic[i] = -sigma * sigma / 2;
    }
    return new NuisanceTerms(List.of("scale"), new double[][] {linear}, new double[][] {quadratic});
  }

  static double gauss(SplittableRandom random) {
    double u = random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
  }
}
