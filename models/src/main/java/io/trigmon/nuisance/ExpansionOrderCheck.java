package io.trigmon.nuisance;

import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * The binned cross-check of the order of the Taylor expansion (DESIGN §4): does log n(x|R_ν)/
 * n(x|R0), measured in bins of a projection at each training shift, follow a linear or a quadratic
 * law in ν, and does the learned model reproduce it? See {@link ExpansionOrder}.
 */
public final class ExpansionOrderCheck {

  private final Projection projection;
  private final int bins;

  public ExpansionOrderCheck(Projection projection, int bins) {
    this.projection = projection;
    this.bins = bins;
  }

  /**
   * @param nominal raw rows of R0 (preferably not the ones the model was trained on)
   * @param samples varied samples of one nuisance at several ν
   * @param model the learned model, or null to fit only the linear and quadratic laws
   */
  public ExpansionOrder run(double[][] nominal, List<VariedSample> samples, NuisanceModel model) {
    String name = samples.get(0).nuisance();
    double[] x0 = projection.apply(nominal);
    Binning binning = Binning.quantiles(x0, bins);
    double[] n0 = binning.histogram(x0, null);
    int m = samples.size();
    double[] nu = new double[m];
    double[][] measured = new double[m][bins];
    double[][] variance = new double[m][bins];
    double[][] learned = new double[m][bins];
    for (int i = 0; i < m; i++) {
      VariedSample s = samples.get(i);
      nu[i] = s.nu();
      double[] n1 = binning.histogram(projection.apply(s.features()), null);
      double scale = s.yieldRatio() * nominal.length / s.features().length;
      double[] meanRatio = meanRatioPerBin(model, nominal, x0, binning, name, s.nu(), n0);
      for (int b = 0; b < bins; b++) {
        measured[i][b] = Math.log(scale * n1[b] / n0[b]);
        variance[i][b] = 1 / n1[b];
        learned[i][b] = Math.log(meanRatio[b]);
      }
    }
    double chi2Linear = 0;
    double chi2Quadratic = 0;
    double chi2Learned = 0;
    for (int b = 0; b < bins; b++) {
      RealMatrix weight = inverseCovariance(variance, n0[b], b);
      RealVector y = column(measured, b);
      chi2Linear += fitChi2(y, weight, design(nu, 1));
      chi2Quadratic += fitChi2(y, weight, design(nu, 2));
      RealVector residual = y.subtract(column(learned, b));
      chi2Learned += residual.dotProduct(weight.operate(residual));
    }
    double[][] error = new double[m][bins];
    for (int i = 0; i < m; i++) {
      for (int b = 0; b < bins; b++) {
        error[i][b] = Math.sqrt(variance[i][b] + 1 / n0[b]);
      }
    }
    return new ExpansionOrder(
        name,
        projection.name(),
        binning.inner(),
        nu,
        measured,
        error,
        learned,
        chi2Linear,
        bins * (m - 1),
        chi2Quadratic,
        bins * (m - 2),
        model == null ? Double.NaN : chi2Learned,
        bins * m);
  }

  private static double[] meanRatioPerBin(
      NuisanceModel model,
      double[][] nominal,
      double[] x0,
      Binning binning,
      String name,
      double nu,
      double[] n0) {
    double[] mean = new double[binning.bins()];
    if (model == null) {
      java.util.Arrays.fill(mean, Double.NaN);
      return mean;
    }
    double[] logRatio = model.logRatio(nominal, name, nu);
    for (int e = 0; e < nominal.length; e++) {
      mean[binning.bin(x0[e])] += Math.exp(logRatio[e]);
    }
    for (int b = 0; b < mean.length; b++) {
      mean[b] /= n0[b];
    }
    return mean;
  }

  /** Inverse of the covariance of the log ratios of one bin: diag(1/n1_i) + (1/n0)·11ᵀ. */
  private static RealMatrix inverseCovariance(double[][] variance, double n0, int b) {
    int m = variance.length;
    RealMatrix cov = new Array2DRowRealMatrix(m, m);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        cov.setEntry(i, j, (i == j ? variance[i][b] : 0) + 1 / n0);
      }
    }
    return new LUDecomposition(cov).getSolver().getInverse();
  }

  private static RealMatrix design(double[] nu, int order) {
    RealMatrix x = new Array2DRowRealMatrix(nu.length, order);
    for (int i = 0; i < nu.length; i++) {
      for (int p = 0; p < order; p++) {
        x.setEntry(i, p, Math.pow(nu[i], p + 1));
      }
    }
    return x;
  }

  /** χ² of the generalised least-squares fit y ≈ Xβ with weight matrix W. */
  private static double fitChi2(RealVector y, RealMatrix weight, RealMatrix x) {
    RealMatrix xtw = x.transpose().multiply(weight);
    RealVector beta = new LUDecomposition(xtw.multiply(x)).getSolver().solve(xtw.operate(y));
    RealVector residual = y.subtract(x.operate(beta));
    return residual.dotProduct(weight.operate(residual));
  }

  private static RealVector column(double[][] a, int b) {
    double[] c = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i][b];
    }
    return new ArrayRealVector(c, false);
  }
}
