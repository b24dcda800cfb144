package io.trigmon.calibration;

import io.trigmon.nplm.KernelHyperParameters;
import io.trigmon.nplm.KernelNplm;
import io.trigmon.nplm.KernelNplmModel;
import io.trigmon.nplm.NplmOptions;
import io.trigmon.nplm.NplmResult;
import io.trigmon.nplm.ReferenceSample;
import io.trigmon.nplm.WindowTest;
import io.trigmon.nplm.neural.NeuralNplm;
import io.trigmon.nplm.neural.NeuralNplmConfig;
import io.trigmon.nplm.neural.NeuralReference;
import io.trigmon.nuisance.NuisanceModel;
import io.trigmon.nuisance.NuisanceTerms;
import io.trigmon.nuisance.ShapeNuisanceModel;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One calibrated NPLM test of a data window (kernel, or neural when a {@link NeuralNplmConfig} is
 * given), as the {@code trigmon nplm} command runs it; the calibration toys are tested with the
 * same method as the window: the reference file's events are split (seeded shuffle) into the test's
 * reference and a disjoint toy pool when the test calibrates itself; a saved calibration instead is
 * loaded, after splitting the reference exactly as when it was made (its manifest records the
 * split), and refused unless it belongs to the resulting reference.
 *
 * <p>Toys resampled from a finite pool carry the pool's own fluctuation: with N_D comparable to the
 * pool size the null t is inflated (by roughly a factor 1 + N_D/N_pool), which errs towards smaller
 * Z. Use a pool several times larger than the window, or a saved calibration made from independent
 * samples.
 */
public final class CalibratedNplm {

  /** ν* at which self-calibration generates toys (σ units); only 0 without nuisances. */
  public static final List<Double> NU_STARS = List.of(0.0, 1.0, -1.0);

  private CalibratedNplm() {}

  /**
   * What to run.
   *
   * @param referenceFile all events of the reference file
   * @param data the data window
   * @param options test options
   * @param nuisanceModel learned δ̂, or null
   * @param centres M, or 0 for the protocol's ⌈√N_R⌉
   * @param seed seed of the split, the centres and the toys
   * @param toyFraction fraction of the reference file set aside for toys (self-calibration)
   * @param toys number of toys per ν* (self-calibration)
   * @param calibration a saved calibration to use, or null to calibrate with toys
   * @param saveCalibration where to save a self-made calibration, or null
   * @param saveModel where to save the kernel NPLM reference model (for the online monitor), or
   *     null
   * @param neural settings of the neural NPLM to test with, or null for the kernel NPLM
   */
  public record Request(
      double[][] referenceFile,
      double[][] data,
      NplmOptions options,
      ShapeNuisanceModel nuisanceModel,
      int centres,
      long seed,
      double toyFraction,
      int toys,
      Path calibration,
      Path saveCalibration,
      Path saveModel,
      NeuralNplmConfig neural) {

    /** {@code kernel} or {@code nn}. */
    public String method() {
      return neural == null ? "kernel" : "nn";
    }
  }

  /**
   * The outcome.
   *
   * @param result the calibrated result (dof, p, Z filled in)
   * @param calibration the calibration used
   * @param referenceSha256 SHA-256 of the events used as the test's reference
   * @param model the method and its settings (kernel σ, M, λ; network, clipping, optimiser)
   */
  public record Outcome(
      NplmResult result,
      Calibration calibration,
      String referenceSha256,
      Map<String, Object> model) {}

  public static Outcome run(Request request) {
    double toyFraction = request.toyFraction();
    long seed = request.seed();
    if (request.calibration() != null) {
      Map<String, Object> settings = CalibrationDirectory.settings(request.calibration());
      toyFraction = settings.get("toy_fraction") instanceof Number n ? n.doubleValue() : 0;
      seed = settings.get("seed") instanceof Number n ? n.longValue() : seed;
    }
    double[][][] split = split(request.referenceFile(), toyFraction, seed);
    ReferenceSample reference = ReferenceSample.of(split[0]);
    ShapeNuisanceModel model = request.nuisanceModel();
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("method", request.method());
    settings.put("toy_fraction", toyFraction);
    settings.put("seed", seed);
    settings.put("expected", request.options().expected());
    settings.put("norm_sigma", request.options().normSigma());
    WindowTest test;
    if (request.neural() == null) {
      KernelHyperParameters hyper =
          KernelNplm.protocol(reference.features(), request.centres(), seed);
      if (request.saveModel() != null) {
        new KernelNplmModel(reference, hyper).save(request.saveModel(), "1");
      }
      test =
          model == null
              ? KernelNplm.prepare(reference.features(), NuisanceTerms.none(), hyper)
              : KernelNplm.prepare(reference.features(), model, hyper);
      settings.put("sigma", hyper.sigma());
      settings.put("centres", hyper.centres());
      settings.put("lambda", hyper.lambda());
    } else {
      if (request.saveModel() != null) {
        throw new IllegalArgumentException(
            "a saved reference model is for the kernel NPLM (the online monitor's); drop it with"
                + " the neural method");
      }
      NeuralNplmConfig config = request.neural();
      NuisanceTerms terms =
          model == null ? NuisanceTerms.none() : model.evaluate(reference.features());
      test = new NeuralReference(reference.features(), terms, new NeuralNplm(config, l -> {}));
      settings.put("hidden", java.util.Arrays.stream(config.hidden()).boxed().toList());
      settings.put("weight_clip", config.weightClip());
      settings.put("optimiser", config.optimiser().name().toLowerCase(java.util.Locale.ROOT));
      settings.put("max_iterations", config.maxIterations());
      settings.put("tolerance", config.tolerance());
    }
    settings.put("nuisances", test.nuisanceNames());
    if (model instanceof NuisanceModel learned) {
      settings.put(CalibrationDirectory.NUISANCE_SHA256, learned.sha256());
    }

    Calibration calibration;
    if (request.calibration() != null) {
      calibration = CalibrationDirectory.load(request.calibration(), reference.sha256());
      requireSameSettings(
          CalibrationDirectory.settings(request.calibration()), request.options(), test, request);
    } else {
      if (split[1].length == 0) {
        throw new IllegalArgumentException("no events left for toys: raise the toy fraction");
      }
      NuisanceTerms poolTerms = model == null ? NuisanceTerms.none() : model.evaluate(split[1]);
      NullToys toys =
          new NullToys(test, split[1], poolTerms, request.options(), request.data().length);
      List<Double> nuStars = model == null ? List.of(0.0) : NU_STARS;
      calibration = toys.calibrate(request.toys(), nuStars, seed + 17);
      if (request.saveCalibration() != null) {
        CalibrationDirectory.save(
            calibration, request.saveCalibration(), reference.sha256(), settings);
      }
    }
    NuisanceTerms dataTerms = model == null ? NuisanceTerms.none() : model.evaluate(request.data());
    NplmResult result = test.test(request.data(), dataTerms, request.options());
    NplmResult calibrated =
        result.calibrated(
            calibration.dof(), calibration.pValue(result.t()), calibration.z(result.t()));
    return new Outcome(calibrated, calibration, reference.sha256(), settings);
  }

  /** Refuses a calibration made for another method, N(R0), σ_N or set of nuisances. */
  private static void requireSameSettings(
      Map<String, Object> settings, NplmOptions options, WindowTest nplm, Request request) {
    Object method = settings.getOrDefault("method", "kernel");
    if (!method.equals(request.method())) {
      throw new IllegalArgumentException(
          "the calibration was made with the "
              + method
              + " NPLM but this test uses "
              + request.method()
              + ": recalibrate (--toys) with this method");
    }
    Object expected = settings.get("expected");
    Double calibrated = expected instanceof Number n ? n.doubleValue() : null;
    Object normSigma = settings.get("norm_sigma");
    Object nuisances = settings.get("nuisances");
    boolean same =
        java.util.Objects.equals(calibrated, options.expected())
            && (!(normSigma instanceof Number n) || n.doubleValue() == options.normSigma())
            && (nuisances == null || nuisances.equals(nplm.nuisanceNames()));
    if (!same) {
      throw new IllegalArgumentException(
          "the calibration was made for expected="
              + calibrated
              + ", norm_sigma="
              + normSigma
              + ", nuisances="
              + nuisances
              + " but this test uses expected="
              + options.expected()
              + ", norm_sigma="
              + options.normSigma()
              + ", nuisances="
              + nplm.nuisanceNames()
              + ": recalibrate (--toys) for these settings");
    }
  }

  /** [reference part, toy pool] by a seeded shuffle; the pool is empty for fraction 0. */
  static double[][][] split(double[][] rows, double fraction, long seed) {
    if (!(fraction >= 0 && fraction < 1)) {
      throw new IllegalArgumentException("toy fraction must be in [0, 1), got " + fraction);
    }
    int pool = (int) Math.round(rows.length * fraction);
    if (pool == 0) {
      return new double[][][] {rows, new double[0][]};
    }
    int[] index = new int[rows.length];
    for (int i = 0; i < index.length; i++) {
      index[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
    for (int i = index.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = index[i];
      index[i] = index[j];
      index[j] = tmp;
    }
    double[][] reference = new double[rows.length - pool][];
    double[][] toys = new double[pool][];
    for (int i = 0; i < rows.length; i++) {
      if (i < reference.length) {
        reference[i] = rows[index[i]];
      } else {
        toys[i - reference.length] = rows[index[i]];
      }
    }
    return new double[][][] {reference, toys};
  }
}
