package io.trigmon.nuisance;

import static org.assertj.core.api.Assertions.assertThat;

import io.trigmon.mlp.Activation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * δ̂ learned with DJL on the analytic {@link GaussianShift} (σ = 0.3, cut x1 > −1): log r = 0.3 ν
 * x1 − 0.045 ν², rate change included. One training, shared by the tests; every check uses fresh
 * samples with their own seeds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeltaTrainerTest {

  static final GaussianShift TRUTH = new GaussianShift(0.3, -1.0);
  static final double[] NUS = {-2, -1.5, -1, -0.5, 0.5, 1, 1.5, 2};

  private NuisanceModel model;
  private DeltaTraining training;

  @BeforeAll
  void train() {
    List<VariedSample> varied = new ArrayList<>();
    for (int i = 0; i < NUS.length; i++) {
      varied.add(TRUTH.varied(NUS[i], 5_000, 100 + i));
    }
    DeltaTrainingConfig config =
        new DeltaTrainingConfig(
            new int[] {16, 16},
            Activation.TANH,
            DeltaLoss.CROSS_ENTROPY,
            1500,
            0.02,
            0.2,
            10,
            8,
            1,
            0);
    DeltaTrainer trainer = new DeltaTrainer(config, System.out::println);
    model =
        trainer.train(TRUTH.sample(0, 12_000, 1), varied, Map.of(GaussianShift.NAME, 0.3), "ref");
    training = trainer.history().get(0);
  }

  @Test
  void trainingBeatsTheNullRatioAndStopsEarly() {
    assertThat(training.validationLoss()).isLessThan(training.nullValidationLoss());
    assertThat(training.bestEpoch()).isLessThan(training.epochs());
    assertThat(model.names()).containsExactly(GaussianShift.NAME);
    assertThat(model.deltas().get(0).trainingNu()).containsExactly(NUS);
  }

  /**
   * RMS of log r̂ − log r over the nominal density at ν = ±1, ±1.5. Expected statistical error of a
   * smooth 2-parameter-like fit to 40k varied events is ~0.01–0.02; the effect itself has RMS ≈
   * 0.3.
   */
  @Test
  void learnsTheAnalyticLogRatio() {
    double[][] test = TRUTH.sample(0, 5000, 999);
    for (double nu : new double[] {-1.5, -1, 1, 1.5}) {
      double[] learned = model.logRatio(test, GaussianShift.NAME, nu);
      double sum2 = 0;
      for (int e = 0; e < test.length; e++) {
        double error = learned[e] - TRUTH.trueLogRatio(test[e], nu);
        sum2 += error * error;
      }
      System.out.printf("RMS error of log r̂ at ν=%.1f: %.4f%n", nu, Math.sqrt(sum2 / test.length));
      assertThat(Math.sqrt(sum2 / test.length))
          .as("RMS error at ν=%s", nu)
          .isLessThan(0.05 * Math.abs(nu) + 0.02);
    }
  }

  /** The rate term: δ_2 = −σ²/2 = −0.045 everywhere, δ_1 = σ x1 (slope 0.3). */
  @Test
  void coefficientsMatchTheClosedForm() {
    double[][] test = TRUTH.sample(0, 5000, 998);
    NuisanceTerms terms = model.evaluate(test);
    double meanQuadratic = 0;
    double sxx = 0;
    double sxy = 0;
    double mx = 0;
    double my = 0;
    for (int e = 0; e < test.length; e++) {
      meanQuadratic += terms.quadratic()[0][e] / test.length;
      mx += test[e][0] / test.length;
      my += terms.linear()[0][e] / test.length;
    }
    for (int e = 0; e < test.length; e++) {
      sxx += (test[e][0] - mx) * (test[e][0] - mx);
      sxy += (test[e][0] - mx) * (terms.linear()[0][e] - my);
    }
    assertThat(meanQuadratic).isBetween(-0.045 - 0.02, -0.045 + 0.02);
    assertThat(sxy / sxx).isBetween(0.3 - 0.03, 0.3 + 0.03);
  }

  /**
   * Closure on fresh samples as large as one training sample (5000 events): χ² p-value not tiny and
   * the classifier AUC within 3σ of 0.5. (Much larger test samples resolve the model's own
   * statistical error, which shrinks only with the training samples.)
   */
  @Test
  void reweightedNominalClosesOnTheVariedSample() {
    ClosureCheck check = new ClosureCheck(Projection.column("x1", 0), 10, 5);
    for (double nu : new double[] {-1.5, 1.5}) {
      Closure closure = check.run(TRUTH.sample(0, 5_000, 77), TRUTH.varied(nu, 5_000, 78), model);
      System.out.println(closure.summary());
      assertThat(closure.pValue()).as(closure.summary()).isGreaterThan(1e-3);
      assertThat(Math.abs(closure.aucPull())).as(closure.summary()).isLessThan(3);
      // and the check has power: without r̂ the same samples differ clearly
      assertThat((closure.aucUnweighted() - 0.5) / closure.aucError()).isGreaterThan(5);
      assertThat(ChiSquare.survival(closure.chi2Unweighted(), closure.ndof())).isLessThan(1e-6);
    }
  }

  /** Negative control: the model at the wrong sign of ν does not close. */
  @Test
  void closureFailsWhenTheShiftIsWrong() {
    ClosureCheck check = new ClosureCheck(Projection.column("x1", 0), 10, 5);
    double[][] wrongSample = TRUTH.sample(-1.5, 20_000, 80);
    Closure closure =
        check.run(
            TRUTH.sample(0, 20_000, 79),
            new VariedSample(GaussianShift.NAME, 1.5, wrongSample, TRUTH.yieldRatio(-1.5)),
            model);
    assertThat(closure.pValue()).isLessThan(1e-6);
    assertThat(closure.aucPull()).isGreaterThan(10);
  }

  /**
   * The true log ratio is exactly quadratic in ν: the linear law fails, quadratic and learned fit.
   */
  @Test
  void binnedRatioShowsTheExpansionIsQuadratic() {
    List<VariedSample> fresh = new ArrayList<>();
    for (int i = 0; i < NUS.length; i++) {
      fresh.add(TRUTH.varied(NUS[i], 20_000, 300 + i));
    }
    ExpansionOrder order =
        new ExpansionOrderCheck(Projection.column("x1", 0), 8)
            .run(TRUTH.sample(0, 40_000, 299), fresh, model);
    System.out.println(order.summary());
    assertThat(order.pLinear()).as(order.summary()).isLessThan(1e-6);
    assertThat(order.pQuadratic()).as(order.summary()).isGreaterThan(1e-3);
    assertThat(order.pLearned()).as(order.summary()).isGreaterThan(1e-3);
  }

  /** Mini-batch Adam (with the plateau schedule) learns the same ratio in a few dozen epochs. */
  @Test
  void miniBatchTrainingLearnsTheAnalyticLogRatio() {
    List<VariedSample> varied = new ArrayList<>();
    for (int i = 0; i < NUS.length; i++) {
      varied.add(TRUTH.varied(NUS[i], 5_000, 100 + i));
    }
    DeltaTrainingConfig config = DeltaTrainingConfig.defaults().withMiniBatches(2_000, 150, 15);
    DeltaTrainer trainer = new DeltaTrainer(config, line -> {});
    NuisanceModel miniBatch =
        trainer.train(TRUTH.sample(0, 12_000, 1), varied, Map.of(GaussianShift.NAME, 0.3), "ref");
    double[][] test = TRUTH.sample(0, 5000, 997);
    double[] learned = miniBatch.logRatio(test, GaussianShift.NAME, 1.5);
    double sum2 = 0;
    for (int e = 0; e < test.length; e++) {
      double error = learned[e] - TRUTH.trueLogRatio(test[e], 1.5);
      sum2 += error * error;
    }
    System.out.printf(
        "mini-batch: %d epochs, RMS error of log r̂ at ν=1.5: %.4f%n",
        trainer.history().get(0).epochs(), Math.sqrt(sum2 / test.length));
    assertThat(Math.sqrt(sum2 / test.length)).isLessThan(0.05 * 1.5 + 0.02);
  }
}
