package io.trigmon.nuisance;

import io.trigmon.mlp.Standardisation;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Weighted logistic regression on the standardised features, their squares and pairwise products,
 * fitted by Newton's method (IRLS): the small, deterministic classifier of the closure test. It
 * sees any difference in means, widths or correlations between two samples.
 */
final class QuadraticClassifier {

  private static final double RIDGE = 1e-6;

  private final Standardisation standardisation;
  private final double[] beta;

  private QuadraticClassifier(Standardisation standardisation, double[] beta) {
    this.standardisation = standardisation;
    this.beta = beta;
  }

  /** Fits P(label 1 | x); each class's weights are rescaled to the same total. */
  static QuadraticClassifier fit(double[][] x0, double[] w0, double[][] x1, double[] w1) {
    Standardisation standardisation = Standardisation.fit(x0);
    double[][] f0 = expand(standardisation.apply(x0));
    double[][] f1 = expand(standardisation.apply(x1));
    double s0 = sum(w0);
    double s1 = sum(w1);
    int p = f0[0].length;
    double[] beta = new double[p];
    for (int iteration = 0; iteration < 30; iteration++) {
      RealMatrix hessian = new Array2DRowRealMatrix(p, p);
      double[] gradient = new double[p];
      accumulate(f0, w0, 0.5 / s0, 0, beta, hessian, gradient);
      accumulate(f1, w1, 0.5 / s1, 1, beta, hessian, gradient);
      for (int j = 0; j < p; j++) {
        hessian.addToEntry(j, j, RIDGE);
        gradient[j] -= RIDGE * beta[j];
      }
      RealVector step =
          new CholeskyDecomposition(hessian, 1e-12, 1e-14)
              .getSolver()
              .solve(new ArrayRealVector(gradient, false));
      for (int j = 0; j < p; j++) {
        beta[j] += step.getEntry(j);
      }
      if (step.getNorm() < 1e-9) {
        break;
      }
    }
    return new QuadraticClassifier(standardisation, beta);
  }

  /** Linear score (log-odds) of each row. */
  double[] score(double[][] x) {
    double[][] f = expand(standardisation.apply(x));
    double[] s = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      s[i] = dot(beta, f[i]);
    }
    return s;
  }

  /** Adds the weighted log-likelihood gradient and (negative) Hessian of one class. */
  private static void accumulate(
      double[][] f, double[] w, double scale, int label, double[] beta, RealMatrix h, double[] g) {
    int p = beta.length;
    double[][] hessian = new double[p][p];
    for (int i = 0; i < f.length; i++) {
      double prob = 1 / (1 + Math.exp(-dot(beta, f[i])));
      double wi = (w == null ? 1 : w[i]) * scale;
      double r = wi * (label - prob);
      double c = wi * prob * (1 - prob);
      for (int a = 0; a < p; a++) {
        g[a] += r * f[i][a];
        double ca = c * f[i][a];
        for (int b = 0; b <= a; b++) {
          hessian[a][b] += ca * f[i][b];
        }
      }
    }
    for (int a = 0; a < p; a++) {
      for (int b = 0; b <= a; b++) {
        h.addToEntry(a, b, hessian[a][b]);
        if (a != b) {
          h.addToEntry(b, a, hessian[a][b]);
        }
      }
    }
  }

  /** 1, z_j, z_j·z_k (j ≤ k). */
  private static double[][] expand(double[][] z) {
    int d = z[0].length;
    int p = 1 + d + d * (d + 1) / 2;
    double[][] f = new double[z.length][p];
    for (int i = 0; i < z.length; i++) {
      int k = 0;
      f[i][k++] = 1;
      for (int j = 0; j < d; j++) {
        f[i][k++] = z[i][j];
      }
      for (int j = 0; j < d; j++) {
        for (int l = j; l < d; l++) {
          f[i][k++] = z[i][j] * z[i][l];
        }
      }
    }
    return f;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  static double sum(double[] w) {
    double s = 0;
    for (double v : w) {
      s += v;
    }
    return s;
  }
}
