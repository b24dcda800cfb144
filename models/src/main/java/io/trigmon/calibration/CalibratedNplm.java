package io.trigmon.calibration;

import io.trigmon.nplm.KernelHyperParameters;
import io.trigmon.nplm.KernelNplm;
import io.trigmon.nplm.KernelNplmModel;
import io.trigmon.nplm.NplmOptions;
import io.trigmon.nplm.NplmResult;
import io.trigmon.nplm.ReferenceSample;
import io.trigmon.nuisance.NuisanceModel;
import io.trigmon.nuisance.NuisanceTerms;
import io.trigmon.nuisance.ShapeNuisanceModel;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One calibrated kernel NPLM test of a data window, as the {@code trigmon nplm} command runs it:
 * the reference file's events are split (seeded shuffle) into the test's reference and a disjoint
 * toy pool when the test calibrates itself; a saved calibration instead is loaded, after splitting
 * the reference exactly as when it was made (its manifest records the split), and refused unless it
 * belongs to the resulting reference.
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
      Path saveModel) {}

  /**
   * The outcome.
   *
   * @param result the calibrated result (dof, p, Z filled in)
   * @param calibration the calibration used
   * @param referenceSha256 SHA-256 of the events used as the test's reference
   * @param hyper the kernel hyper-parameters used
   */
  public record Outcome(
      NplmResult result,
      Calibration calibration,
      String referenceSha256,
      KernelHyperParameters hyper) {}

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
    KernelHyperParameters hyper =
        KernelNplm.protocol(reference.features(), request.centres(), seed);
    if (request.saveModel() != null) {
      new KernelNplmModel(reference, hyper).save(request.saveModel(), "1");
    }
    ShapeNuisanceModel model = request.nuisanceModel();
    KernelNplm nplm =
        model == null
            ? KernelNplm.prepare(reference.features(), NuisanceTerms.none(), hyper)
            : KernelNplm.prepare(reference.features(), model, hyper);

    Calibration calibration;
    if (request.calibration() != null) {
      calibration = CalibrationDirectory.load(request.calibration(), reference.sha256());
      requireSameSettings(
          CalibrationDirectory.settings(request.calibration()), request.options(), nplm);
    } else {
      if (split[1].length == 0) {
        throw new IllegalArgumentException("no events left for toys: raise the toy fraction");
      }
      NuisanceTerms poolTerms = model == null ? NuisanceTerms.none() : model.evaluate(split[1]);
      NullToys toys =
          new NullToys(nplm, split[1], poolTerms, request.options(), request.data().length);
      List<Double> nuStars = model == null ? List.of(0.0) : NU_STARS;
      calibration = toys.calibrate(request.toys(), nuStars, seed + 17);
      if (request.saveCalibration() != null) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("method", "kernel");
        settings.put("toy_fraction", toyFraction);
        settings.put("seed", seed);
        settings.put("expected", request.options().expected());
        settings.put("norm_sigma", request.options().normSigma());
        settings.put("sigma", hyper.sigma());
        settings.put("centres", hyper.centres());
        settings.put("lambda", hyper.lambda());
        settings.put("nuisances", nplm.nuisanceNames());
        if (model instanceof NuisanceModel learned) {
          settings.put(CalibrationDirectory.NUISANCE_SHA256, learned.sha256());
        }
        CalibrationDirectory.save(
            calibration, request.saveCalibration(), reference.sha256(), settings);
      }
    }
    NplmResult result =
        model == null
            ? nplm.test(request.data(), NuisanceTerms.none(), request.options())
            : nplm.test(request.data(), request.options());
    NplmResult calibrated =
        result.calibrated(
            calibration.dof(), calibration.pValue(result.t()), calibration.z(result.t()));
    return new Outcome(calibrated, calibration, reference.sha256(), hyper);
  }

  /** Refuses a calibration made for another N(R0), σ_N or set of nuisances. */
  private static void requireSameSettings(
      Map<String, Object> settings, NplmOptions options, KernelNplm nplm) {
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
