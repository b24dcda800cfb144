package io.trigmon.flink;

import io.trigmon.calibration.CalibratedNplm;
import io.trigmon.calibration.Calibration;
import io.trigmon.calibration.CalibrationDirectory;
import io.trigmon.calibration.NullToys;
import io.trigmon.event.Event;
import io.trigmon.nplm.KernelNplm;
import io.trigmon.nplm.KernelNplmModel;
import io.trigmon.nplm.NplmOptions;
import io.trigmon.nplm.NplmResult;
import io.trigmon.nplm.ReferenceSample;
import io.trigmon.nuisance.DeltaTrainer;
import io.trigmon.nuisance.DeltaTrainingConfig;
import io.trigmon.nuisance.NuisanceModel;
import io.trigmon.nuisance.NuisanceTerms;
import io.trigmon.nuisance.VariedSample;
import io.trigmon.simulation.NuisanceShifts;
import io.trigmon.simulation.Process;
import io.trigmon.simulation.Regime;
import io.trigmon.simulation.Simulator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.Well19937c;

/**
 * Test-data builder for a calibration drift: a simulated Drell–Yan stream in the tau-like regime
 * (lepton momentum scale σ = 3 % in barrel and endcaps, DESIGN §3) whose lepton scale drifts to +1σ
 * in chosen windows, with two model directories for the same reference — one with a learned δ̂
 * model of that scale ({@value #NUISANCE}) and its calibration, one without — all from fixed seeds.
 *
 * <p>The tested windows expect N(R0) = {@code expected} events (a configured rate); a window holds
 * a Poisson number of events around N(R0) times the yield ratio of its scale (about 1.5 at +1σ: the
 * scale moves Z-peak events across the M12 &gt; 100 GeV cut), so the drift changes the rate as well
 * as the shape, as a real one would.
 *
 * @param windows number of windows
 * @param expected N(R0) per window
 * @param window window length
 * @param driftWindows indices (0-based) of the windows at +1σ
 * @param referenceEvents N_R
 * @param toys null toys per generated ν* of each calibration
 */
record DriftScenario(
    int windows,
    int expected,
    Duration window,
    List<Integer> driftWindows,
    int referenceEvents,
    int toys) {

  static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

  static final String STREAM = "DoubleTau";

  /** Name of the lepton-scale nuisance (barrel and endcaps together). */
  static final String NUISANCE = "scale";

  /** Shifts (σ) the δ̂ model is trained on. */
  static final double[] TRAINING_NU = {-1.5, -1, -0.5, 0.5, 1, 1.5};

  /** The lepton-scale shift of window {@code index}, σ units. */
  double nu(int index) {
    return driftWindows.contains(index) ? 1 : 0;
  }

  /** The events of window {@code index}, evenly spaced inside it, in time order. */
  List<Event> windowEvents(int index, double yieldRatio) {
    double mean = expected * (nu(index) == 0 ? 1 : yieldRatio);
    int n = poisson(mean, 500 + index);
    return simulator(nu(index), 2_000 + index).stream(STREAM)
        .startTime(START.plus(window.multipliedBy(index)))
        .rateHz(n / (window.toNanos() / 1e9) * 1.001)
        .poissonArrivals(false)
        .build()
        .events(n)
        .toList();
  }

  /** Selected events per generated collision at {@code nu} over those at 0. */
  static double yieldRatio(double nu) {
    return simulator(nu, 99).build().yieldRatio(100_000).ratio();
  }

  static Simulator.Builder simulator(double nu, long seed) {
    return Simulator.builder()
        .process(Process.DY)
        .regime(Regime.TAU_LIKE)
        .nuisances(NuisanceShifts.leptonScale(nu))
        .seed(seed);
  }

  /** Dilepton features of {@code n} selected events at scale {@code nu}. */
  static double[][] dileptons(double nu, long seed, int n) {
    return MonitorScenario.dileptons(simulator(nu, seed).build(), n);
  }

  /** The test options of a window: N(R0) and σ_N = 2.5 %. */
  NplmOptions options() {
    return NplmOptions.expected(expected).withNormSigma(NplmOptions.DEFAULT_NORM_SIGMA);
  }

  /** The reference model every directory shares. */
  KernelNplmModel reference() {
    double[][] reference = dileptons(0, 7, referenceEvents);
    return new KernelNplmModel(
        ReferenceSample.of(reference), KernelNplm.protocol(reference, 0, 11));
  }

  /**
   * Learns the δ̂ model of the lepton scale from a nominal sample and samples at {@link
   * #TRAINING_NU}, each weighted by its yield ratio (DESIGN §4): the 32-32-32 network of {@code
   * trigmon nuisance train} (16-16 misses the structure at the M12 cut, which is where this shift
   * acts), mini-batches, early stopping.
   */
  NuisanceModel trainDelta() {
    double[][] nominal = dileptons(0, 21, 30_000);
    List<VariedSample> varied = new ArrayList<>();
    for (int i = 0; i < TRAINING_NU.length; i++) {
      double nu = TRAINING_NU[i];
      varied.add(new VariedSample(NUISANCE, nu, dileptons(nu, 30 + i, 12_000), yieldRatio(nu)));
    }
    DeltaTrainingConfig d = DeltaTrainingConfig.defaults();
    DeltaTrainingConfig config =
        new DeltaTrainingConfig(
                new int[] {32, 32, 32},
                d.activation(),
                d.loss(),
                300,
                d.learningRate(),
                d.validationFraction(),
                1,
                20,
                5,
                0)
            .withMiniBatches(4096, 300, 20);
    return new DeltaTrainer(config, line -> {})
        .train(nominal, varied, Map.of(NUISANCE, Regime.TAU_LIKE.barrelScaleSigma()), null);
  }

  /**
   * Writes the reference, the δ̂ model (when given) and the calibration made with it under {@code
   * dir}: toys at ν* = 0, ±1 with a δ̂ model, at 0 without.
   */
  void writeModels(Path dir, KernelNplmModel reference, NuisanceModel delta) {
    reference.save(dir.resolve(MonitorModels.NPLM), "drift-1");
    KernelNplm nplm = delta == null ? reference.prepare() : reference.prepare(delta);
    double[][] pool = dileptons(0, 13, 4 * referenceEvents);
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("method", "kernel");
    settings.put("expected", expected);
    settings.put("norm_sigma", options().normSigma());
    settings.put("nuisances", nplm.nuisanceNames());
    if (delta != null) {
      delta.save(dir.resolve(MonitorModels.NUISANCE), Map.of());
      settings.put(CalibrationDirectory.NUISANCE_SHA256, delta.sha256());
    }
    NuisanceTerms poolTerms = delta == null ? NuisanceTerms.none() : delta.evaluate(pool);
    List<Double> nuStars = delta == null ? List.of(0.0) : CalibratedNplm.NU_STARS;
    Calibration calibration =
        new NullToys(nplm, pool, poolTerms, options(), expected).calibrate(toys, nuStars, 17);
    CalibrationDirectory.save(
        calibration,
        dir.resolve(MonitorModels.CALIBRATION),
        reference.reference().sha256(),
        settings);
  }

  /**
   * ν̂ of the scale in {@code count} windows simulated at {@code nu} (seeds apart from the
   * stream's) and tested directly: the spread that the monitor's ν̂ is judged against.
   */
  static double[] nuHatToys(
      KernelNplm nplm, NplmOptions options, double nu, double mean, int count) {
    double[] nuHat = new double[count];
    for (int i = 0; i < count; i++) {
      int n = poisson(mean, 900 + i);
      NplmResult result = nplm.test(dileptons(nu, 7_000 + 31L * i + (nu == 0 ? 0 : 1), n), options);
      nuHat[i] = result.nuHatDelta().get(NUISANCE);
    }
    return nuHat;
  }

  /** A Poisson count around {@code mean}, from a seed. */
  static int poisson(double mean, int seed) {
    return new PoissonDistribution(
            new Well19937c(seed),
            mean,
            PoissonDistribution.DEFAULT_EPSILON,
            PoissonDistribution.DEFAULT_MAX_ITERATIONS)
        .sample();
  }
}
