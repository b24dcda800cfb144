package io.trigmon.nplm.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.trigmon.nuisance.NuisanceTerms;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Known analytic cases of the neural NPLM. With the data equal to the reference rows and every
 * reference weight w, the density ratio is constant, so the loss is minimised pointwise by u = −log
 * w and τ* = −2 N (1 − w + log w) exactly (no network can do better). A constraint with auxiliary
 * value a on a nuisance that only shifts u by a constant adds a² to τ and puts ν̂ at a.
 */
class NeuralNplmTest {

  private static final int N = 1000;
  private static final double W = 1 / 1.3;

  private static double[][] rows(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] x = new double[N][5];
    for (double[] row : x) {
      for (int j = 0; j < 5; j++) {
        row[j] = random.nextGaussian() * (j + 1);
      }
    }
    return x;
  }

  private static double tauStar() {
    return -2 * N * (1 - W + Math.log(W));
  }

  /** The default (L-BFGS) training, tolerance tightened for the analytic comparisons. */
  private static NeuralNplm nplm() {
    return new NeuralNplm(NeuralNplmConfig.defaults().withTolerance(1e-8).withSeed(3), l -> {});
  }

  private static NeuralNplm adam(int epochs) {
    return new NeuralNplm(
        NeuralNplmConfig.papers(epochs).withLearningRate(0.01).withSeed(3), line -> {});
  }

  @Test
  void normalisationExcessReachesTheAnalyticBound() {
    double[][] x = rows(1);
    NeuralNplmFit fit = nplm().test(NeuralNplmProblem.withoutNuisances(x, W, x));
    assertThat(fit.tau()).isLessThanOrEqualTo(tauStar() + 1e-6);
    assertThat(fit.tau()).isCloseTo(tauStar(), within(1e-4 * tauStar()));
    assertThat(fit.delta()).isZero();
    assertThat(fit.nuHat()).isEmpty();
  }

  @Test
  void papersAdamReachesTheSameBound() {
    double[][] x = rows(1);
    NeuralNplmFit fit = adam(800).test(NeuralNplmProblem.withoutNuisances(x, W, x));
    assertThat(fit.tau()).isLessThanOrEqualTo(tauStar() + 1e-6);
    assertThat(fit.tau()).isCloseTo(tauStar(), within(0.01 * tauStar()));
  }

  @Test
  void constrainedNuisancesSettleOnTheirAuxiliaryValues() {
    double[][] x = rows(2);
    double[] c = new double[N];
    Arrays.fill(c, 0.05);
    NuisanceTerms terms =
        new NuisanceTerms(List.of("scale"), new double[][] {c}, new double[][] {new double[N]});
    double aShape = 1.0;
    double aNorm = 0.5;
    NeuralNplmProblem problem =
        new NeuralNplmProblem(x, W, x, terms, terms, 0.025, true, new double[] {aShape, aNorm});
    // ν_N is degenerate with a constant f and reaches a_N only through its constraint (curvature
    // 1 against N·w along the other directions): the valley Adam crawled along.
    NeuralNplmFit fit = nplm().test(problem);
    assertThat(fit.nuHat().get("scale")).isCloseTo(aShape, within(0.01));
    assertThat(fit.nuHat().get(NeuralNplm.NORM)).isCloseTo(aNorm, within(0.01));
    double expected = tauStar() + aShape * aShape + aNorm * aNorm;
    assertThat(fit.tau()).isLessThanOrEqualTo(expected + 1e-6);
    assertThat(fit.tau()).isCloseTo(expected, within(1e-4 * expected));
    // Δ: ν alone shifts u = 0.05 ν_s + 0.025 ν_N; its optimum is stationary:
    // N (w e^u − 1) c_k + (ν_k − a_k) = 0 for both nuisances, and Δ ≤ τ.
    double nuS = fit.nuHatDelta().get("scale");
    double nuN = fit.nuHatDelta().get(NeuralNplm.NORM);
    double pull = N * (W * Math.exp(0.05 * nuS + 0.025 * nuN) - 1);
    assertThat(pull * 0.05 + nuS - aShape).isCloseTo(0, within(1e-4));
    assertThat(pull * 0.025 + nuN - aNorm).isCloseTo(0, within(1e-4));
    assertThat(fit.delta()).isPositive().isLessThanOrEqualTo(fit.tau());
  }

  /**
   * Δ involves no f: the neural and kernel NPLM fit the same ν-only loss, so on the same window,
   * δ̂, N(R0), σ_N and auxiliary values they must give the same Δ and ν̂ (to the fits' tolerance).
   */
  @Test
  void deltaAndItsNuHatAgreeWithTheKernelNplm() {
    double[][] reference = rows(6);
    double[][] data = java.util.Arrays.copyOf(rows(7), 300);
    SplittableRandom random = new SplittableRandom(8);
    NuisanceTerms referenceTerms = terms(reference.length, random);
    NuisanceTerms dataTerms = terms(data.length, random);
    io.trigmon.nplm.NplmOptions options =
        io.trigmon.nplm.NplmOptions.expected(280)
            .withNormSigma(0.025)
            .withAux(java.util.Map.of("scale", 0.6, "norm", -0.4));
    io.trigmon.nplm.NplmResult kernel =
        io.trigmon.nplm.KernelNplm.prepare(
                reference, referenceTerms, io.trigmon.nplm.KernelNplm.protocol(reference, 20, 1))
            .test(data, dataTerms, options);
    io.trigmon.nplm.NplmResult neural =
        new NeuralReference(reference, referenceTerms, nplm()).test(data, dataTerms, options);
    assertThat(neural.delta()).isPositive().isCloseTo(kernel.delta(), within(1e-5));
    assertThat(neural.nuHatDelta().get("scale"))
        .isCloseTo(kernel.nuHatDelta().get("scale"), within(1e-3));
    assertThat(neural.nuHatDelta().get("norm"))
        .isCloseTo(kernel.nuHatDelta().get("norm"), within(1e-3));
    assertThat(neural.method()).isEqualTo("nn");
    assertThat(neural.t()).isCloseTo(neural.tau() - neural.delta(), within(1e-12));
  }

  /** A scale-like δ̂: linear in the first feature, a small quadratic term. */
  private static NuisanceTerms terms(int n, SplittableRandom random) {
    double[][] lin = new double[1][n];
    double[][] quad = new double[1][n];
    for (int e = 0; e < n; e++) {
      lin[0][e] = 0.2 + 0.1 * random.nextGaussian();
      quad[0][e] = 0.01 * random.nextGaussian();
    }
    return new NuisanceTerms(List.of("scale"), lin, quad);
  }

  @Test
  void weightsStayClipped() {
    double[][] x = rows(3);
    NeuralNplmFit fit =
        new NeuralNplm(NeuralNplmConfig.defaults().withWeightClip(0.3), l -> {})
            .test(NeuralNplmProblem.withoutNuisances(x, W, x));
    for (float[] layer : fit.network().weights()) {
      for (float w : layer) {
        assertThat(Math.abs(w)).isLessThanOrEqualTo(0.3f);
      }
    }
  }

  @Test
  void doublePrecisionLossIsZeroAtTheReferenceHypothesis() {
    double[][] x = rows(4);
    NeuralNplmProblem problem = NeuralNplmProblem.withoutNuisances(x, 1.0, x);
    NeuralNplmFit fit = nplm().test(problem);
    // at the exact null f ≡ 0 is the minimum (the gradient vanishes there)
    assertThat(fit.tau()).isCloseTo(0, within(1e-9));
  }

  @Test
  void composesLikeTheKernelNplm() {
    double[][] reference = rows(5);
    double[][] data = java.util.Arrays.copyOf(reference, 250);
    NeuralNplmProblem shapeOnly =
        NeuralNplmProblem.of(reference, data, null, null, 0.025, java.util.Map.of("norm", 2.0));
    assertThat(shapeOnly.weight()).isEqualTo(0.25);
    assertThat(shapeOnly.normScale()).isEqualTo(1);
    assertThat(shapeOnly.normConstrained()).isFalse();
    assertThat(shapeOnly.aux()).containsExactly(0);
    NeuralNplmProblem expected =
        NeuralNplmProblem.of(reference, data, null, 200.0, 0.025, java.util.Map.of("norm", 2.0));
    assertThat(expected.weight()).isEqualTo(0.2);
    assertThat(expected.normScale()).isEqualTo(0.025);
    assertThat(expected.normConstrained()).isTrue();
    assertThat(expected.aux()).containsExactly(2);
  }
}
