package io.trigmon.nplm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.trigmon.nuisance.NuisanceTerms;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KernelNplmTest {

  private static final int N_R = 3000;
  private static final double[][] REFERENCE = Samples.gaussian(N_R, 0, 11);
  private static final KernelHyperParameters HYPER = KernelNplm.protocol(REFERENCE, 40, 12);
  private static final KernelNplm PLAIN =
      KernelNplm.prepare(REFERENCE, NuisanceTerms.none(), HYPER);
  private static final double SCALE_SIGMA = 0.3;
  private static final KernelNplm WITH_SHIFT =
      KernelNplm.prepare(REFERENCE, Samples.shiftTerms(REFERENCE, SCALE_SIGMA), HYPER);

  private static NplmResult testShifted(double[][] data, NplmOptions options) {
    return WITH_SHIFT.test(data, Samples.shiftTerms(data, SCALE_SIGMA), options);
  }

  @Test
  void normalisationNuisanceRecoversAPureRateExcessFromItsScoreEquation() {
    // Data = the reference events themselves, expected N0 = N_R/(1+ε): a pure rate excess ε. With
    // only ν_N, the Δ fit must solve N0·s·e^{sν} − N_D·s + ν = 0 (score equation of the loss).
    double epsilon = 0.1;
    double s = 0.05;
    double n0 = N_R / (1 + epsilon);
    NplmResult result =
        PLAIN.test(
            REFERENCE,
            NuisanceTerms.none(),
            NplmOptions.expected(n0).withNormSigma(s).withTolerance(1e-12));
    double nu = 0;
    for (int i = 0; i < 100; i++) {
      double score = n0 * s * Math.exp(s * nu) - N_R * s + nu;
      nu -= score / (n0 * s * s * Math.exp(s * nu) + 1);
    }
    double expectedDelta = -2 * (n0 * (Math.exp(s * nu) - 1) - N_R * s * nu + nu * nu / 2);
    assertThat(result.nuHatDelta().get("norm")).isCloseTo(nu, within(1e-5));
    assertThat(result.delta()).isCloseTo(expectedDelta, within(1e-5));
  }

  @Test
  void kernelAloneRecoversAPureRateExcessAsAConstantF() {
    // Without nuisances f must become the constant log(1+ε): τ = 2[N_D log(1+ε) − N0 ε].
    double epsilon = 0.1;
    double n0 = N_R / (1 + epsilon);
    NplmResult result = PLAIN.test(REFERENCE, NuisanceTerms.none(), NplmOptions.expected(n0));
    double expected = 2 * (N_R * Math.log(1 + epsilon) - n0 * epsilon);
    assertThat(result.tau()).isCloseTo(expected, within(0.01 * expected));
  }

  @Test
  void shapeOnlyTestIgnoresTheRate() {
    NplmResult result = PLAIN.test(REFERENCE, NuisanceTerms.none(), NplmOptions.shapeOnly());
    assertThat(result.t()).isCloseTo(0, within(1e-6));
    assertThat(result.nuHat().get("norm")).isCloseTo(0, within(1e-6));
  }

  @Test
  void withoutNuisancesDeltaIsZero() {
    NplmResult result =
        PLAIN.test(Samples.gaussian(600, 0.1, 13), NuisanceTerms.none(), NplmOptions.expected(600));
    assertThat(result.delta()).isZero();
    assertThat(result.t()).isEqualTo(result.tau());
  }

  @Test
  void tIsNonNegativeAndDeltaNeverExceedsTau() {
    for (int i = 0; i < 6; i++) {
      double shift = 0.1 * (i - 3);
      NplmResult result =
          testShifted(
              Samples.gaussian(500 + 40 * i, shift, 20 + i),
              NplmOptions.expected(550).withNormSigma(0.025).withAux(Map.of("scale", 0.2 * i)));
      assertThat(result.t()).as("t of window %d", i).isGreaterThanOrEqualTo(0);
      assertThat(result.delta()).as("Δ of window %d", i).isLessThanOrEqualTo(result.tau());
    }
  }

  @Test
  void nuisanceAbsorbsAKnownShiftThatTheKernelAloneCallsAnAnomaly() {
    double[][] data = Samples.gaussian(3000, SCALE_SIGMA, 30); // ν* = +1σ
    NplmOptions options = NplmOptions.expected(3000);
    NplmResult withNuisance = testShifted(data, options);
    NplmResult without = PLAIN.test(data, NuisanceTerms.none(), options);
    assertThat(withNuisance.nuHatDelta().get("scale")).isCloseTo(1, within(0.15));
    assertThat(withNuisance.t()).isLessThan(without.t() / 3);
  }

  @Test
  void localizedExcessGivesALargeT() {
    double[] nullT = new double[10];
    for (int i = 0; i < nullT.length; i++) {
      nullT[i] =
          PLAIN
              .test(
                  Samples.gaussian(600, 0, 40 + i), NuisanceTerms.none(), NplmOptions.expected(600))
              .t();
    }
    double mean = Arrays.stream(nullT).average().orElseThrow();
    double sd = Math.sqrt(Arrays.stream(nullT).map(t -> (t - mean) * (t - mean)).sum() / 9);
    NplmResult bump =
        PLAIN.test(Samples.withBump(600, 50, 50), NuisanceTerms.none(), NplmOptions.expected(600));
    assertThat(bump.t()).isGreaterThan(mean + 5 * sd);
  }

  @Test
  void sameSeedGivesTheSameResult() {
    double[][] data = Samples.gaussian(500, 0.05, 60);
    KernelNplm again =
        KernelNplm.prepare(REFERENCE, Samples.shiftTerms(REFERENCE, SCALE_SIGMA), HYPER);
    NplmOptions options = NplmOptions.expected(520).withNormSigma(0.025);
    NplmResult first = testShifted(data, options);
    NplmResult second = again.test(data, Samples.shiftTerms(data, SCALE_SIGMA), options);
    assertThat(second.t()).isEqualTo(first.t());
    assertThat(second.nuHat()).isEqualTo(first.nuHat());
  }

  @Test
  void truncatedNewtonReachesTheExactNewtonMinimum() {
    double[][] data = Samples.withBump(700, 30, 70);
    NplmLoss loss =
        WITH_SHIFT.tauLoss(
            data,
            Samples.shiftTerms(data, SCALE_SIGMA),
            NplmOptions.expected(650).withNormSigma(0.025));
    double exact = new NewtonSolver(1e-10, 100, Integer.MAX_VALUE).minimise(loss).value();
    NewtonSolver truncated = new NewtonSolver(1e-10, 100, 0);
    NewtonSolver.Solution solution = truncated.minimise(loss);
    assertThat(solution.converged()).isTrue();
    assertThat(solution.value()).isCloseTo(exact, within(1e-7));
  }

  @Test
  void truncatedNewtonMatchesExactNewtonWithNuisances() {
    double[][] data = Samples.withBump(700, 30, 71);
    NuisanceTerms terms = Samples.shiftTerms(data, SCALE_SIGMA);
    NplmOptions options =
        NplmOptions.expected(650).withNormSigma(0.025).withAux(Map.of("scale", 0.4));
    NplmResult exact =
        WITH_SHIFT.test(data, terms, options.withTolerance(1e-12), Integer.MAX_VALUE);
    NplmResult truncated = WITH_SHIFT.test(data, terms, options);
    assertAgreeWithinTheStoppingRule(truncated, exact, options.tolerance());
    for (String name : exact.nuHat().keySet()) {
      assertThat(truncated.nuHat().get(name))
          .as("ν̂ %s", name)
          .isCloseTo(exact.nuHat().get(name), within(Math.sqrt(2 * options.tolerance())));
      assertThat(truncated.nuHatDelta().get(name))
          .as("ν̂ %s of the Δ fit", name)
          .isCloseTo(exact.nuHatDelta().get(name), within(Math.sqrt(2 * options.tolerance())));
    }
  }

  @Test
  void truncatedNewtonMatchesExactNewtonWithoutNuisances() {
    double[][] data = Samples.withBump(900, 40, 72);
    NplmOptions options = NplmOptions.expected(880);
    NplmResult exact =
        PLAIN.test(data, NuisanceTerms.none(), options.withTolerance(1e-12), Integer.MAX_VALUE);
    NplmResult truncated = PLAIN.test(data, NuisanceTerms.none(), options);
    assertAgreeWithinTheStoppingRule(truncated, exact, options.tolerance());
  }

  /**
   * τ, Δ and t of a fit stopped at {@code tolerance} against a (nearly) exact one: Δ has no
   * penalty, so it is within 2·tolerance; τ = −2(L − P) within 2·tolerance + 4√(P·tolerance) with P
   * ≤ τ/2 (see {@link NewtonSolver}).
   */
  private static void assertAgreeWithinTheStoppingRule(
      NplmResult fit, NplmResult exact, double tolerance) {
    assertThat(fit.tau()).isGreaterThan(10); // a real fit, not a trivial one
    double tauBound = 2 * tolerance + 4 * Math.sqrt(exact.tau() / 2 * tolerance);
    assertThat(fit.delta()).as("Δ").isCloseTo(exact.delta(), within(2 * tolerance));
    assertThat(fit.tau()).as("τ").isCloseTo(exact.tau(), within(tauBound));
    assertThat(fit.t()).as("t").isCloseTo(exact.t(), within(tauBound + 2 * tolerance));
  }

  @Test
  void largestPicksTheTopValuesAndBreaksTiesByIndex() {
    double[] values = {0.5, 3, 1, 3, 2, 1, 1};
    assertThat(KernelNplm.largest(values, 3)).containsExactly(1, 3, 4);
    assertThat(KernelNplm.largest(values, 5)).containsExactly(1, 3, 4, 2, 5);
    assertThat(KernelNplm.largest(values, 7)).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6);
  }

  @Test
  void aTestReportsItsSizesAndMethod() {
    NplmResult result =
        PLAIN.test(Samples.gaussian(321, 0, 80), NuisanceTerms.none(), NplmOptions.shapeOnly());
    assertThat(result.nData()).isEqualTo(321);
    assertThat(result.nReference()).isEqualTo(N_R);
    assertThat(result.method()).isEqualTo("kernel");
    assertThat(result.iterations()).isPositive();
  }

  @Test
  void aLearnedModelIsEvaluatedOnEachWindow() {
    io.trigmon.nuisance.ShapeNuisanceModel model =
        new io.trigmon.nuisance.ShapeNuisanceModel() {
          @Override
          public java.util.List<String> names() {
            return java.util.List.of("scale");
          }

          @Override
          public NuisanceTerms evaluate(double[][] features) {
            return Samples.shiftTerms(features, SCALE_SIGMA);
          }
        };
    KernelNplm nplm = KernelNplm.prepare(REFERENCE, model, HYPER);
    double[][] data = Samples.gaussian(500, 0.1, 95);
    NplmOptions options = NplmOptions.expected(500).withNormSigma(0.025);
    assertThat(nplm.test(data, options).t()).isEqualTo(testShifted(data, options).t());
  }

  @Test
  void excessLocationPointsAtTheInjectedResonance() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(90);
    double[][] reference = new double[3000][];
    for (int i = 0; i < reference.length; i++) {
      reference[i] = dilepton(50, 30, random);
    }
    double[][] data = new double[700][];
    for (int i = 0; i < data.length; i++) {
      data[i] = i < 60 ? dilepton(100, 100, random) : dilepton(50, 30, random);
    }
    KernelNplm nplm = KernelNplm.prepare(reference, 13);
    NplmResult result = nplm.test(data, NplmOptions.expected(640));
    // Back-to-back central leptons of 100 GeV: M12 = sqrt(2·100·100·2) = 200 GeV.
    assertThat(result.excessM12()).isCloseTo(200, within(25.0));
  }

  private static double[] dilepton(double pt1, double pt2, java.util.SplittableRandom random) {
    boolean signal = pt1 == pt2;
    double spread = signal ? 0.02 : 0.25;
    double a = pt1 * Math.exp(spread * Samples.gauss(random));
    double b = pt2 * Math.exp(spread * Samples.gauss(random));
    double eta = signal ? 0.05 : 1.0;
    return new double[] {
      Math.max(a, b),
      Math.min(a, b),
      eta * Samples.gauss(random),
      eta * Samples.gauss(random),
      io.trigmon.event.DileptonFeatures.wrap(
          Math.PI + (signal ? 0.02 : 0.5) * Samples.gauss(random))
    };
  }
}
