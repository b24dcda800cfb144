package io.trigmon.cli;

import io.trigmon.event.DileptonFeatures;
import io.trigmon.nuisance.NuisanceTerms;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A stand-in for the event simulator in the NPLM validation study, until {@code
 * io.trigmon.simulation} is merged: dilepton features whose lepton-momentum-scale nuisance has an
 * exactly known density ratio. log pT of each lepton is Gaussian (mean log 45 GeV, width {@value
 * #LOG_PT_WIDTH}); a scale shift pT → pT·exp(ν σ_s) moves both log pT by ν σ_s, so log r(x;ν) = ν
 * σ_s Σ_ℓ (y_ℓ − m)/s² − ν² σ_s²/s², a pure quadratic expansion with δ₁ = σ_s Σ_ℓ (y_ℓ − m)/s² and
 * δ₂ = −σ_s²/s² (the analytic δ the learned δ̂ models approximate). η ~ N(0, 1.1), Δφ = π + N(0,
 * 0.6) wrapped. Signals: a narrow resonance-like bump (both pT ≈ 95 GeV, central, back-to-back) and
 * a non-resonant tail (background reweighted by (M12/100 GeV)⁴).
 */
final class SurrogateDileptons {

  static final double LOG_PT_MEAN = Math.log(45);
  static final double LOG_PT_WIDTH = 0.45;

  private final double scaleSigma;

  /**
   * @param scaleSigma σ_s of the momentum scale (e.g. 0.03, tau-like)
   */
  SurrogateDileptons(double scaleSigma) {
    this.scaleSigma = scaleSigma;
  }

  /** n background events at scale nuisance ν (σ units). */
  double[][] background(int n, double nu, SplittableRandom random) {
    double[][] rows = new double[n][];
    for (int i = 0; i < n; i++) {
      rows[i] = event(nu, random);
    }
    return rows;
  }

  private double[] event(double nu, SplittableRandom random) {
    double y1 = LOG_PT_MEAN + LOG_PT_WIDTH * gauss(random) + nu * scaleSigma;
    double y2 = LOG_PT_MEAN + LOG_PT_WIDTH * gauss(random) + nu * scaleSigma;
    double pt1 = Math.exp(Math.max(y1, y2));
    double pt2 = Math.exp(Math.min(y1, y2));
    return new double[] {
      pt1,
      pt2,
      1.1 * gauss(random),
      1.1 * gauss(random),
      DileptonFeatures.wrap(Math.PI + 0.6 * gauss(random))
    };
  }

  /** n events of the resonance-like signal. */
  double[][] bump(int n, SplittableRandom random) {
    double[][] rows = new double[n][];
    for (int i = 0; i < n; i++) {
      double a = 95 * Math.exp(0.04 * gauss(random));
      double b = 95 * Math.exp(0.04 * gauss(random));
      rows[i] =
          new double[] {
            Math.max(a, b),
            Math.min(a, b),
            0.5 * gauss(random),
            0.5 * gauss(random),
            DileptonFeatures.wrap(Math.PI + 0.1 * gauss(random))
          };
    }
    return rows;
  }

  /** n events of the non-resonant tail: background accepted with probability ∝ (M12/100)⁴. */
  double[][] tail(int n, SplittableRandom random) {
    double[][] rows = new double[n][];
    int found = 0;
    while (found < n) {
      double[] x = event(0, random);
      double m = DileptonFeatures.m12(x[0], x[1], x[2], x[3], x[4]);
      double weight = Math.min(1, Math.pow(m / 400, 4));
      if (random.nextDouble() < weight) {
        rows[found++] = x;
      }
    }
    return rows;
  }

  /** The exact δ of the scale nuisance on each row. */
  NuisanceTerms terms(double[][] rows) {
    double s2 = LOG_PT_WIDTH * LOG_PT_WIDTH;
    double[] linear = new double[rows.length];
    double[] quadratic = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      double y = Math.log(rows[i][0]) - LOG_PT_MEAN + Math.log(rows[i][1]) - LOG_PT_MEAN;
      linear[i] = scaleSigma * y / s2;
      quadratic[i] = -scaleSigma * scaleSigma / s2;
    }
    return new NuisanceTerms(List.of("scale"), new double[][] {linear}, new double[][] {quadratic});
  }

  static double gauss(SplittableRandom random) {
    double u = random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
  }
}
