package io.trigmon.nuisance;

/**
 * Result of the binned check of the expansion order of one nuisance (DESIGN §4): in each bin of a
 * projection, the measured log n(x|R_ν)/n(x|R0) across the training shifts ν_i is fitted with a
 * linear (δ_1 ν) and a quadratic (δ_1 ν + δ_2 ν²) law, and compared with the learned model's log
 * ⟨r̂(x;ν_i)⟩ in the bin. χ² use the full covariance of each bin (the nominal count is shared by
 * all shifts).
 *
 * @param nuisance name
 * @param projection name of the projection
 * @param edges inner bin edges (quantiles of the nominal projection)
 * @param nu the shifts ν_i
 * @param measured measured log ratio, [ν_i][bin]
 * @param error its standard error, [ν_i][bin]
 * @param learned learned log ⟨r̂⟩ per bin, [ν_i][bin] (NaN without a model)
 * @param chi2Linear χ² of the per-bin linear fits, summed over bins
 * @param ndofLinear its degrees of freedom
 * @param chi2Quadratic χ² of the per-bin quadratic fits
 * @param ndofQuadratic its degrees of freedom
 * @param chi2Learned χ² of the learned model against the measured ratios (NaN without a model)
 * @param ndofLearned its degrees of freedom
 */
public record ExpansionOrder(
    String nuisance,
    String projection,
    double[] edges,
    double[] nu,
    double[][] measured,
    double[][] error,
    double[][] learned,
    double chi2Linear,
    int ndofLinear,
    double chi2Quadratic,
    int ndofQuadratic,
    double chi2Learned,
    int ndofLearned) {

  public double pLinear() {
    return ChiSquare.survival(chi2Linear, ndofLinear);
  }

  public double pQuadratic() {
    return ChiSquare.survival(chi2Quadratic, ndofQuadratic);
  }

  public double pLearned() {
    return ChiSquare.survival(chi2Learned, ndofLearned);
  }

  /** One line for logs and reports. */
  public String summary() {
    return String.format(
        "%s in %s: linear χ²/ndof = %.1f/%d (p=%.2g), quadratic %.1f/%d (p=%.2g), learned %.1f/%d (p=%.2g)",
        nuisance,
        projection,
        chi2Linear,
        ndofLinear,
        pLinear(),
        chi2Quadratic,
        ndofQuadratic,
        pQuadratic(),
        chi2Learned,
        ndofLearned,
        pLearned());
  }
}
