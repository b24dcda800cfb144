package io.trigmon.nuisance;

/**
 * Result of the closure test of a learned δ̂ at one shift (DESIGN §4): the nominal sample
 * reweighted by r̂(x;ν) against an independent sample of R_ν.
 *
 * @param nuisance name
 * @param nu the shift (σ units)
 * @param projection name of the binned projection
 * @param chi2 binned χ² of the varied counts against the reweighted nominal prediction (absolute
 *     normalisation, so the rate change is tested too)
 * @param ndof number of bins
 * @param auc weighted AUC of a quadratic logistic classifier separating reweighted nominal from
 *     varied events on a held-out half (0.5 = indistinguishable)
 * @param aucError its statistical standard error under indistinguishability
 * @param aucUnweighted the same classifier's AUC without reweighting (what closure removed)
 * @param chi2Unweighted the binned χ² without reweighting and without the yield ratio
 */
public record Closure(
    String nuisance,
    double nu,
    String projection,
    double chi2,
    int ndof,
    double auc,
    double aucError,
    double aucUnweighted,
    double chi2Unweighted) {

  public double pValue() {
    return ChiSquare.survival(chi2, ndof);
  }

  /** Distance of the AUC from 0.5 in standard errors. */
  public double aucPull() {
    return (auc - 0.5) / aucError;
  }

  /** One line for logs and reports. */
  public String summary() {
    return String.format(
        "%s ν=%+.2f: χ²/ndof in %s = %.1f/%d (p=%.2g; %.1f without r̂), AUC = %.4f ± %.4f (%.4f without r̂)",
        nuisance,
        nu,
        projection,
        chi2,
        ndof,
        pValue(),
        chi2Unweighted,
        auc,
        aucError,
        aucUnweighted);
  }
}
