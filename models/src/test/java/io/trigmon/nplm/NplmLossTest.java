package io.trigmon.nplm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.trigmon.nuisance.NuisanceTerms;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NplmLossTest {

  private static final double[][] REFERENCE = Samples.gaussian(1500, 0, 1);
  private static final double[][] DATA = Samples.gaussian(400, 0.2, 2);
  private static final KernelNplm NPLM =
      KernelNplm.prepare(
          REFERENCE,
          Samples.shiftTerms(REFERENCE, 0.1),
          new KernelHyperParameters(2.0, 30, 1e-4, 3));
  private static final NplmLoss LOSS =
      NPLM.tauLoss(
          DATA,
          Samples.shiftTerms(DATA, 0.1),
          NplmOptions.expected(420)
              .withNormSigma(0.05)
              .withAux(Map.of("scale", 0.3, "norm", -0.5)));

  /** A point away from 0 so that every term of the gradient and Hessian matters. */
  private static double[] point(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] theta = new double[LOSS.dimension()];
    for (int j = 0; j < theta.length; j++) {
      theta[j] = 0.05 * Samples.gauss(random);
    }
    theta[theta.length - 2] = 0.7; // ν_scale
    theta[theta.length - 1] = -0.4; // ν_norm
    return theta;
  }

  @Test
  void gradientMatchesFiniteDifferences() {
    double[] theta = point(5);
    double[] gradient = LOSS.at(theta).gradient();
    double h = 1e-5;
    for (int j = 0; j < theta.length; j++) {
      double[] plus = theta.clone();
      double[] minus = theta.clone();
      plus[j] += h;
      minus[j] -= h;
      double numeric = (LOSS.value(plus) - LOSS.value(minus)) / (2 * h);
      assertThat(gradient[j])
          .as("dL/dθ_%d", j)
          .isCloseTo(numeric, within(1e-5 * (1 + Math.abs(numeric))));
    }
  }

  @Test
  void hessianMatchesFiniteDifferencesOfTheGradient() {
    double[] theta = point(6);
    double[][] hessian = LOSS.hessian(LOSS.at(theta), null);
    double h = 1e-5;
    for (int j = 0; j < theta.length; j++) {
      double[] plus = theta.clone();
      double[] minus = theta.clone();
      plus[j] += h;
      minus[j] -= h;
      double[] gp = LOSS.at(plus).gradient();
      double[] gm = LOSS.at(minus).gradient();
      for (int l = 0; l < theta.length; l++) {
        double numeric = (gp[l] - gm[l]) / (2 * h);
        assertThat(hessian[l][j])
            .as("d2L/dθ_%d dθ_%d", l, j)
            .isCloseTo(numeric, within(1e-4 * (1 + Math.abs(numeric))));
      }
    }
  }

  @Test
  void hessianVectorProductMatchesTheHessian() {
    double[] theta = point(7);
    NplmLoss.Point at = LOSS.at(theta);
    double[][] hessian = LOSS.hessian(at, null);
    double[] v = point(8);
    double[] hv = LOSS.hessianTimes(at, v, LOSS.curvatureDiagonal(at, null, 1));
    for (int l = 0; l < v.length; l++) {
      assertThat(hv[l])
          .isCloseTo(NewtonSolver.dot(hessian[l], v), within(1e-9 * (1 + Math.abs(hv[l]))));
    }
  }

  @Test
  void theOriginNeedsNoPassOverTheReference() {
    NplmLoss.Point origin = LOSS.origin();
    NplmLoss.Point computed = LOSS.at(new double[LOSS.dimension()]);
    assertThat(origin.value()).isCloseTo(computed.value(), within(1e-9));
    for (int j = 0; j < LOSS.dimension(); j++) {
      assertThat(origin.gradient()[j])
          .as("dL/dθ_%d at 0", j)
          .isCloseTo(computed.gradient()[j], within(1e-9 * (1 + Math.abs(computed.gradient()[j]))));
    }
    assertThat(origin.a()).containsExactly(computed.a(), within(1e-15));
    assertThat(LOSS.preconditionerIsExact(origin)).isTrue();
    double[][] preconditioner = LOSS.preconditioner(origin);
    double[][] hessian = LOSS.hessian(computed, null);
    for (int j = 0; j < LOSS.dimension(); j++) {
      for (int l = 0; l < LOSS.dimension(); l++) {
        assertThat(preconditioner[j][l])
            .isCloseTo(hessian[j][l], within(1e-9 * (1 + Math.abs(hessian[j][l]))));
      }
    }
  }

  @Test
  void fExtrapolatedAlongADirectionGivesTheLossThere() {
    double[] theta = point(11);
    NplmLoss.Point at = LOSS.at(theta);
    double[] v = point(12);
    double[] projection = new double[REFERENCE.length];
    LOSS.hessianTimes(at, v, LOSS.curvatureDiagonal(at, null, 1), projection);
    double step = 0.3;
    double[] moved = theta.clone();
    double[] f = at.f().clone();
    for (int j = 0; j < moved.length; j++) {
      moved[j] += step * v[j];
    }
    for (int e = 0; e < f.length; e++) {
      f[e] += step * projection[e];
    }
    NplmLoss.Point direct = LOSS.at(moved);
    assertThat(LOSS.value(moved, f.clone())).isCloseTo(direct.value(), within(1e-9));
    NplmLoss.Point extrapolated = LOSS.at(moved, f);
    assertThat(extrapolated.value()).isCloseTo(direct.value(), within(1e-9));
    for (int j = 0; j < moved.length; j++) {
      assertThat(extrapolated.gradient()[j])
          .isCloseTo(direct.gradient()[j], within(1e-9 * (1 + Math.abs(direct.gradient()[j]))));
    }
  }

  @Test
  void lossIsConvexAlongRandomLinesInAlpha() {
    SplittableRandom random = new SplittableRandom(9);
    int rank = LOSS.rank();
    for (int line = 0; line < 20; line++) {
      double[] origin = point(100 + line);
      double[] direction = new double[origin.length];
      for (int j = 0; j < rank; j++) {
        direction[j] = Samples.gauss(random);
      }
      double previousSlope = Double.NEGATIVE_INFINITY;
      for (double s = -2; s <= 2; s += 0.25) {
        double slope =
            (LOSS.value(step(origin, direction, s + 1e-3)) - LOSS.value(step(origin, direction, s)))
                / 1e-3;
        assertThat(slope).as("slope along line %d at %f", line, s).isGreaterThan(previousSlope);
        previousSlope = slope;
      }
    }
  }

  @Test
  void alphaBlockOfTheHessianIsPositiveDefinite() {
    double[][] hessian = LOSS.hessian(LOSS.at(point(10)), null);
    int rank = LOSS.rank();
    double[][] block = new double[rank][rank];
    for (int i = 0; i < rank; i++) {
      System.arraycopy(hessian[i], 0, block[i], 0, rank);
    }
    assertThat(Cholesky.damped(block).damping()).isZero();
  }

  @Test
  void noNuisanceTermsMeansOnlyFeatureParameters() {
    KernelNplm plain = KernelNplm.prepare(REFERENCE, NuisanceTerms.none(), NPLM.hyperParameters());
    NplmLoss loss = plain.tauLoss(DATA, NuisanceTerms.none(), NplmOptions.expected(400));
    assertThat(loss.dimension()).isEqualTo(plain.rank());
  }

  private static double[] step(double[] origin, double[] direction, double s) {
    double[] out = origin.clone();
    for (int j = 0; j < out.length; j++) {
      out[j] += s * direction[j];
    }
    return out;
  }
}
