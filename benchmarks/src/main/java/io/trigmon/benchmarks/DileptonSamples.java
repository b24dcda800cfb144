package io.trigmon.benchmarks;

import io.trigmon.event.DileptonFeatures;
import io.trigmon.nuisance.NuisanceTerms;
import io.trigmon.simulation.Process;
import io.trigmon.simulation.Simulator;
import java.util.List;
import java.util.Optional;

/**
 * Inputs of the NPLM benchmarks: simulated Drell-Yan dimuon features (pT1, pT2, η1, η2, Δφ), the
 * sample the monitor tests, and a hand-made nuisance with known coefficients so the benchmark needs
 * no trained δ̂ model.
 */
final class DileptonSamples {

  /** The benchmark's nuisance: a pT-scale-like shape, linear in pT1. */
  static final String NUISANCE = "pt1_slope";

  /** δ̂₁ per GeV of pT1 around {@link #PIVOT_GEV}: a 1σ shift tilts the spectrum by 0.1 % / GeV. */
  static final double SLOPE_PER_GEV = 1e-3;

  /** δ̂₂, constant: keeps the expansion exactly quadratic. */
  static final double QUADRATIC = -0.5e-3;

  static final double PIVOT_GEV = 40;

  private DileptonSamples() {}

  /** N events from the DY simulator with the given seed. */
  static double[][] drellYan(int n, long seed) {
    return Simulator.builder()
        .process(Process.DY)
        .seed(seed)
        .build()
        .events(Long.MAX_VALUE)
        .map(DileptonFeatures::of)
        .flatMap(Optional::stream)
        .limit(n)
        .map(DileptonFeatures::toArray)
        .toArray(double[][]::new);
  }

  /** δ̂ of {@link #NUISANCE} on each event: linear in pT1, constant quadratic term. */
  static NuisanceTerms pt1Slope(double[][] x) {
    double[] linear = new double[x.length];
    double[] quadratic = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      linear[i] = SLOPE_PER_GEV * (x[i][0] - PIVOT_GEV);
      quadratic[i] = QUADRATIC;
    }
    return new NuisanceTerms(
        List.of(NUISANCE), new double[][] {linear}, new double[][] {quadratic});
  }
}
