package io.trigmon.cli;

import io.trigmon.calibration.Calibration;
import io.trigmon.calibration.ChiSquareFit;
import io.trigmon.nplm.KernelHyperParameters;
import io.trigmon.nplm.KernelNplm;
import io.trigmon.nplm.NplmOptions;
import io.trigmon.nplm.NplmResult;
import io.trigmon.nuisance.NuisanceModel;
import io.trigmon.nuisance.NuisanceTerms;
import io.trigmon.simulation.NuisanceShifts;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * Sections 1 and 2 of the NPLM report (issue 3) on the event simulator: tau-like Drell–Yan (lepton
 * momentum scale 1σ = 3 %, where the scale matters), a δ̂ model of the scale learned in the study
 * by {@code trigmon nuisance train} ({@link DemoModels#trainScaleModel}) from samples at ν = ±1,
 * ±2, the kernel NPLM with that δ̂ and the normalisation nuisance. Null toys at ν* = 0 calibrate t
 * (dof by minimum KS distance); toys at ν* = ±1σ — fresh simulator events at the shifted scale,
 * Poisson counts around N(R0) times the shift's yield ratio, auxiliary measurements ~ N(ν*, 1) —
 * are tested with the δ̂ model (t = τ − Δ) and without it (normalisation only), on the same
 * windows.
 */
final class InvarianceStudy {

  /** Study settings. */
  record Settings(
      int nReference,
      int windowEvents,
      int toys,
      int shiftedToys,
      int deltaNominal,
      int deltaVaried,
      long seed) {}

  /** t of the toys of one generated ν*, with and without δ̂, and ν̂ of the scale (Δ fit). */
  record Toys(double nuStar, double[] withDelta, double[] withoutDelta, double[] nuHat) {}

  /** What sections 1 and 2 report. */
  record Result(
      Settings settings,
      KernelHyperParameters hyper,
      int rank,
      Map<Double, Double> yields,
      String deltaSummary,
      double deltaSeconds,
      Calibration calibration,
      Toys nominal,
      Toys plus,
      Toys minus,
      NuisanceModel delta) {}

  private final Settings settings;
  private final PrintWriter log;

  InvarianceStudy(Settings settings, PrintWriter log) {
    this.settings = settings;
    this.log = log;
  }

  Result run() throws IOException {
    long start = System.nanoTime();
    Path work = Files.createTempDirectory("trigmon-validate-nplm");
    NuisanceModel delta;
    try {
      DemoModels.trainScaleModel(
          log,
          work,
          work.resolve("delta"),
          settings.deltaNominal(),
          settings.deltaVaried(),
          settings.seed() + 100);
      delta = NuisanceModel.load(work.resolve("delta"));
    } finally {
      DemoModels.deleteTree(work);
    }
    double deltaSeconds = (System.nanoTime() - start) / 1e9;
    double[][] reference =
        DemoModels.dileptons(settings.seed() + 7, settings.nReference(), NuisanceShifts.NOMINAL);
    KernelHyperParameters hyper = KernelNplm.protocol(reference, 0, settings.seed());
    KernelNplm withDelta = KernelNplm.prepare(reference, delta, hyper);
    KernelNplm plain = KernelNplm.prepare(reference, NuisanceTerms.none(), hyper);
    Map<Double, Double> yields =
        Map.of(
            1.0,
            DemoModels.simulator(settings.seed() + 90, NuisanceShifts.leptonScale(1))
                .yieldRatio(400_000)
                .ratio(),
            -1.0,
            DemoModels.simulator(settings.seed() + 91, NuisanceShifts.leptonScale(-1))
                .yieldRatio(400_000)
                .ratio());
    log.printf(
        Locale.ROOT,
        "invariance study: δ̂ trained in %.0f s; N_R = %d, M = %d, rank %d; yield ratio ±1σ: %.3f /"
            + " %.3f%n",
        deltaSeconds,
        reference.length,
        hyper.centres(),
        withDelta.rank(),
        yields.get(1.0),
        yields.get(-1.0));
    log.flush();
    SplittableRandom random = new SplittableRandom(settings.seed() + 3);
    Toys nominal = toys(withDelta, plain, delta, 0, 1, settings.toys(), random.split());
    Calibration calibration = Calibration.of(Map.of(0.0, nominal.withDelta()));
    ChiSquareFit fit = calibration.fit();
    log.printf(Locale.ROOT, "  null: dof %.2f, KS p %.3f%n", fit.dof(), fit.ksPValue());
    Toys plus =
        toys(withDelta, plain, delta, 1, yields.get(1.0), settings.shiftedToys(), random.split());
    Toys minus =
        toys(withDelta, plain, delta, -1, yields.get(-1.0), settings.shiftedToys(), random.split());
    return new Result(
        settings,
        hyper,
        withDelta.rank(),
        yields,
        delta.names().toString(),
        deltaSeconds,
        calibration,
        nominal,
        plus,
        minus,
        delta);
  }

  private Toys toys(
      KernelNplm withDelta,
      KernelNplm plain,
      NuisanceModel delta,
      double nuStar,
      double yield,
      int count,
      SplittableRandom random) {
    double[] with = new double[count];
    double[] without = new double[count];
    double[] nuHat = new double[count];
    NplmOptions options =
        NplmOptions.expected(settings.windowEvents()).withNormSigma(NplmOptions.DEFAULT_NORM_SIGMA);
    for (int i = 0; i < count; i++) {
      int n =
          new PoissonDistribution(
                  new Well19937c(random.nextLong()),
                  settings.windowEvents() * yield,
                  PoissonDistribution.DEFAULT_EPSILON,
                  10_000_000)
              .sample();
      double[][] window =
          DemoModels.dileptons(random.nextLong(), n, NuisanceShifts.leptonScale(nuStar));
      double auxScale = nuStar + random.nextGaussian();
      double auxNorm = random.nextGaussian();
      NplmResult r =
          withDelta.test(
              window,
              delta.evaluate(window),
              options.withAux(Map.of(DemoModels.SCALE, auxScale, NplmOptions.NORM, auxNorm)));
      with[i] = r.t();
      nuHat[i] = r.nuHatDelta().get(DemoModels.SCALE);
      without[i] =
          plain
              .test(
                  window, NuisanceTerms.none(), options.withAux(Map.of(NplmOptions.NORM, auxNorm)))
              .t();
      if ((i + 1) % 50 == 0) {
        log.printf(Locale.ROOT, "  %d/%d toys at ν* = %+.0f%n", i + 1, count, nuStar);
        log.flush();
      }
    }
    return new Toys(nuStar, with, without, nuHat);
  }

  /** The Markdown of sections 1 and 2. */
  static String markdown(Result r) {
    Settings s = r.settings();
    ChiSquareFit fit = r.calibration().fit();
    KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
    double[] ksWith = {
      ks.kolmogorovSmirnovTest(r.plus().withDelta(), r.nominal().withDelta()),
      ks.kolmogorovSmirnovTest(r.minus().withDelta(), r.nominal().withDelta())
    };
    double[] ksWithout = {
      ks.kolmogorovSmirnovTest(r.plus().withoutDelta(), r.nominal().withoutDelta()),
      ks.kolmogorovSmirnovTest(r.minus().withoutDelta(), r.nominal().withoutDelta())
    };
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "Tau-like Drell–Yan from `io.trigmon.simulation.Simulator` (the demo stream's regime:"
                + " lepton momentum scale 1σ = 3 %%, selection M12 > 100 GeV; a +1σ shift moves"
                + " Z-peak events across the cut, yield ratio %.3f at +1σ and %.3f at −1σ)."
                + " Reference N_R = %d nominal events; windows of N(R0) = %d expected events"
                + " (N_D ~ Poisson(N(R0) × yield ratio of ν*)), normalisation σ_N = %s,"
                + " auxiliary measurements aux_scale ~ N(ν*, 1), aux_N ~ N(0, 1) per toy. Kernel σ"
                + " = %.3f (90th percentile of pairwise distances), M = %d (⌈√N_R⌉), rank %d, λ ="
                + " %.0e.%n%n",
            r.yields().get(1.0),
            r.yields().get(-1.0),
            s.nReference(),
            s.windowEvents(),
            NplmOptions.DEFAULT_NORM_SIGMA,
            r.hyper().sigma(),
            r.hyper().centres(),
            r.rank(),
            r.hyper().lambda()));
    md.append(
        String.format(
            Locale.ROOT,
            "δ̂ model of the scale learned in this run by `trigmon nuisance train` (the code of"
                + " `trigmon demo models`): %d nominal events and %d events at each of ν = ±1, ±2"
                + " (each weighted by its yield ratio), 32-32-32 tanh network, 25 %% of every"
                + " sample held out for the closure and expansion-order checks, %.0f s with the"
                + " simulation. **Window size.** The δ̂ model's own error adds to t in shifted"
                + " windows, by an amount that grows with N_D (flink-jobs' CalibrationDriftIT: a"
                + " model trained on 30 000 + 6 × 12 000 events raised t by ≈ 15 at N(R0) = 1000)."
                + " At the benchmark's N(0) = 2·10⁴ (40 × that window) the model would have to"
                + " learn from tens of millions of events to keep its error below the statistical"
                + " one, beyond this machine's budget; the study therefore runs at N(R0) = %d, the"
                + " online window of that IT, with a δ̂ model trained on %.1f× the IT's events, and"
                + " the invariance check below is what tells whether that is enough.%n%n",
            s.deltaNominal(),
            s.deltaVaried(),
            r.deltaSeconds(),
            s.windowEvents(),
            (s.deltaNominal() + 4.0 * s.deltaVaried()) / (30_000 + 6 * 12_000)));
    md.append("## 1. Null calibration\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "%d toys at ν* = 0 with the δ̂ model: fitted dof = **%.2f** (minimum KS distance"
                + " %.4f), KS p-value against χ²(dof) = **%.3f** (goal ≥ 0.05). Mean t = %.2f.%n%n"
                + "![null t](null_t.png)%n%n",
            r.nominal().withDelta().length,
            fit.dof(),
            fit.ksDistance(),
            fit.ksPValue(),
            mean(r.nominal().withDelta())));
    md.append("## 2. Nuisance invariance\n\n");
    md.append(
        "The same windows tested with the δ̂ model (t = τ − Δ, scale and normalisation nuisances)"
            + " and without it (normalisation nuisance only, same kernel); KS two-sample p-values"
            + " against the ν* = 0 toys of the same test; ν̂ of the scale from the Δ fit; Z from"
            + " the section-1 calibration (with δ̂) or from the ν* = 0 toys without δ̂.\n\n");
    md.append(
        "| toys | N | mean t with δ̂ | KS p vs ν*=0 | mean ν̂ (σ) | P(Z ≥ 2) with δ̂ | mean t"
            + " without δ̂ | KS p vs ν*=0 (no δ̂) | P(Z ≥ 2) without δ̂ |\n");
    md.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
    Calibration plainCalibration = Calibration.of(Map.of(0.0, r.nominal().withoutDelta()));
    Toys[] all = {r.nominal(), r.plus(), r.minus()};
    for (int i = 0; i < all.length; i++) {
      Toys t = all[i];
      md.append(
          String.format(
              Locale.ROOT,
              "| ν* = %s | %d | %.2f | %s | %+.2f ± %.2f | %.2f | %.2f | %s | %.2f |%n",
              t.nuStar() == 0 ? "0" : t.nuStar() > 0 ? "+1σ" : "−1σ",
              t.withDelta().length,
              mean(t.withDelta()),
              i == 0 ? "—" : String.format(Locale.ROOT, "%.3f", ksWith[i - 1]),
              mean(t.nuHat()),
              std(t.nuHat()),
              fractionZ(r.calibration(), t.withDelta(), 2),
              mean(t.withoutDelta()),
              i == 0 ? "—" : String.format(Locale.ROOT, "%.2g", ksWithout[i - 1]),
              fractionZ(plainCalibration, t.withoutDelta(), 2)));
    }
    double base = mean(r.nominal().withoutDelta());
    md.append(
        String.format(
            Locale.ROOT,
            "%nWithout the δ̂ model a +1σ / −1σ shift inflates the mean t by %.1f / %.1f (%.0f %% /"
                + " %.0f %%); with it the mean t moves by %+.1f / %+.1f (standard error of a mean"
                + " ≈ %.1f).%n%n![invariance](invariance.png)%n%n",
            mean(r.plus().withoutDelta()) - base,
            mean(r.minus().withoutDelta()) - base,
            100 * (mean(r.plus().withoutDelta()) / base - 1),
            100 * (mean(r.minus().withoutDelta()) / base - 1),
            mean(r.plus().withDelta()) - mean(r.nominal().withDelta()),
            mean(r.minus().withDelta()) - mean(r.nominal().withDelta()),
            std(r.nominal().withDelta()) / Math.sqrt(r.plus().withDelta().length)));
    return md.toString();
  }

  private static double fractionZ(Calibration calibration, double[] t, double threshold) {
    return Arrays.stream(t).filter(v -> calibration.z(v) >= threshold).count() / (double) t.length;
  }

  static double mean(double[] x) {
    return Arrays.stream(x).average().orElse(Double.NaN);
  }

  static double std(double[] x) {
    double m = mean(x);
    return Math.sqrt(
        Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / Math.max(1, x.length - 1));
  }
}
