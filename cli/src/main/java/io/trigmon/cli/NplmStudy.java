package io.trigmon.cli;

import io.trigmon.calibration.Calibration;
import io.trigmon.calibration.ChiSquareFit;
import io.trigmon.nplm.KernelHyperParameters;
import io.trigmon.nplm.KernelNplm;
import io.trigmon.nplm.NplmOptions;
import io.trigmon.nplm.NplmResult;
import io.trigmon.nplm.neural.NeuralNplm;
import io.trigmon.nplm.neural.NeuralNplmConfig;
import io.trigmon.nplm.neural.NeuralReference;
import io.trigmon.nuisance.NuisanceTerms;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The NPLM validation study of issue 3: (1) null calibration of the kernel NPLM with nuisances, (2)
 * invariance of t under generated nuisance shifts ν* = ±1σ with the δ̂ terms, and the inflation
 * without them, (3) power on a resonance-like and a non-resonant signal, (4) seconds per test at
 * the benchmark size. Toys are generated fresh (reference and toys independent) by {@link
 * SurrogateDileptons}, whose scale nuisance has an exactly known δ, until the simulator is merged.
 */
final class NplmStudy {

  /** Study settings. */
  record Settings(
      int nReference,
      int nData,
      int toys,
      int shiftedToys,
      double scaleSigma,
      int speedReference,
      int speedData,
      long seed,
      boolean neural,
      double nnTolerance,
      int nnMaxIterations) {}

  private final Settings settings;
  private final PrintWriter log;
  private final SurrogateDileptons physics;

  NplmStudy(Settings settings, PrintWriter log) {
    this.settings = settings;
    this.log = log;
    this.physics = new SurrogateDileptons(settings.scaleSigma());
  }

  Path run(Path out) throws IOException {
    System.setProperty("java.awt.headless", "true");
    Files.createDirectories(out);
    long started = System.nanoTime();
    SplittableRandom random = new SplittableRandom(settings.seed());
    double[][] reference = physics.background(settings.nReference(), 0, random.split());
    KernelHyperParameters hyper = KernelNplm.protocol(reference, 0, settings.seed());
    KernelNplm withDelta = KernelNplm.prepare(reference, physics.terms(reference), hyper);
    KernelNplm plain = KernelNplm.prepare(reference, NuisanceTerms.none(), hyper);
    NplmOptions nuisanceOptions =
        NplmOptions.expected(settings.nData()).withNormSigma(NplmOptions.DEFAULT_NORM_SIGMA);
    NplmOptions plainOptions = NplmOptions.expected(settings.nData());
    log.printf(
        Locale.ROOT,
        "reference prepared: N_R=%d, M=%d, rank %d, sigma %.3f%n",
        reference.length,
        hyper.centres(),
        withDelta.rank(),
        hyper.sigma());

    // (1) null calibration, with the δ terms, at ν* = 0
    double[] null0 = toys(withDelta, nuisanceOptions, settings.toys(), 0, random.split(), null);
    Calibration calibration = Calibration.of(Map.of(0.0, null0));
    ChiSquareFit fit = calibration.fit();
    log.printf(Locale.ROOT, "null: dof %.2f, KS p %.3f%n", fit.dof(), fit.ksPValue());

    // (2) invariance: the same toys at ν* = ±1 with and without the δ terms
    int n = settings.shiftedToys();
    double[][] plus =
        pairedToys(withDelta, plain, nuisanceOptions, plainOptions, n, 1, random.split());
    double[][] minus =
        pairedToys(withDelta, plain, nuisanceOptions, plainOptions, n, -1, random.split());
    double[] plainNull = toys(plain, plainOptions, n, 0, random.split(), null);
    KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
    double ksPlus = ks.kolmogorovSmirnovTest(plus[0], null0);
    double ksMinus = ks.kolmogorovSmirnovTest(minus[0], null0);
    double ksPlainPlus = ks.kolmogorovSmirnovTest(plus[1], plainNull);
    double ksPlainMinus = ks.kolmogorovSmirnovTest(minus[1], plainNull);
    log.printf(
        Locale.ROOT,
        "invariance: KS p +1 %.3f, -1 %.3f; without δ: %.2g, %.2g%n",
        ksPlus,
        ksMinus,
        ksPlainPlus,
        ksPlainMinus);

    // (3) power
    double[] zBump = signalZ(withDelta, nuisanceOptions, calibration, n, 30, true, random.split());
    double[] zTail = signalZ(withDelta, nuisanceOptions, calibration, n, 53, false, random.split());

    // (4) speed at the benchmark size
    double[][] speed = speed(random.split());

    plotNull(out.resolve("null_t.png"), null0, fit);
    plotInvariance(out.resolve("invariance.png"), null0, plus, minus, plainNull);
    plotPower(out.resolve("power_z.png"), zBump, zTail);
    Path report = out.resolve("README.md");
    Files.writeString(
        report,
        markdown(
            hyper,
            withDelta.rank(),
            fit,
            null0,
            plus,
            minus,
            plainNull,
            new double[] {ksPlus, ksMinus, ksPlainPlus, ksPlainMinus},
            zBump,
            zTail,
            speed,
            (System.nanoTime() - started) / 1e9));
    return report;
  }

  /** t of toys at ν* (fresh events, N_D ~ Poisson, aux ~ N(ν*, 1), ν_A,N ~ N(0, 1)). */
  private double[] toys(
      KernelNplm nplm,
      NplmOptions options,
      int count,
      double nuStar,
      SplittableRandom random,
      double[][] signal) {
    double[] t = new double[count];
    for (int i = 0; i < count; i++) {
      Toy toy = toy(nuStar, random, 0, true);
      t[i] = test(nplm, toy, options).t();
      if ((i + 1) % 50 == 0) {
        log.printf(Locale.ROOT, "  %d/%d toys at nu*=%+.0f%n", i + 1, count, nuStar);
        log.flush();
      }
    }
    return t;
  }

  /** One toy window and its auxiliary measurements. */
  private record Toy(double[][] events, Map<String, Double> aux) {}

  private Toy toy(double nuStar, SplittableRandom random, int signal, boolean bump) {
    int n =
        new PoissonDistribution(
                new Well19937c(random.nextLong()),
                settings.nData(),
                PoissonDistribution.DEFAULT_EPSILON,
                10_000_000)
            .sample();
    double[][] background = physics.background(n, nuStar, random);
    double[][] events = background;
    if (signal > 0) {
      double[][] s = bump ? physics.bump(signal, random) : physics.tail(signal, random);
      events = Arrays.copyOf(background, n + signal);
      System.arraycopy(s, 0, events, n, signal);
    }
    Map<String, Double> aux =
        Map.of(
            "scale",
            nuStar + SurrogateDileptons.gauss(random),
            NplmOptions.NORM,
            SurrogateDileptons.gauss(random));
    return new Toy(events, aux);
  }

  private NplmResult test(KernelNplm nplm, Toy toy, NplmOptions options) {
    if (nplm.nuisanceNames().isEmpty()) {
      return nplm.test(toy.events(), NuisanceTerms.none(), options);
    }
    return nplm.test(toy.events(), physics.terms(toy.events()), options.withAux(toy.aux()));
  }

  /** [t with δ, t without δ] on the same toys at ν*. */
  private double[][] pairedToys(
      KernelNplm withDelta,
      KernelNplm plain,
      NplmOptions nuisanceOptions,
      NplmOptions plainOptions,
      int count,
      double nuStar,
      SplittableRandom random) {
    double[][] t = new double[2][count];
    for (int i = 0; i < count; i++) {
      Toy toy = toy(nuStar, random, 0, true);
      t[0][i] = test(withDelta, toy, nuisanceOptions).t();
      t[1][i] = test(plain, toy, plainOptions).t();
      if ((i + 1) % 50 == 0) {
        log.printf(Locale.ROOT, "  %d/%d paired toys at nu*=%+.0f%n", i + 1, count, nuStar);
        log.flush();
      }
    }
    return t;
  }

  private double[] signalZ(
      KernelNplm nplm,
      NplmOptions options,
      Calibration calibration,
      int count,
      int signal,
      boolean bump,
      SplittableRandom random) {
    double[] z = new double[count];
    for (int i = 0; i < count; i++) {
      Toy toy = toy(0, random, signal, bump);
      z[i] = calibration.z(test(nplm, toy, options).t());
    }
    log.printf(
        Locale.ROOT,
        "power %s N(S)=%d: median Z %.2f%n",
        bump ? "bump" : "tail",
        signal,
        median(z));
    return z;
  }

  /** Only the speed section, written to {@code speed.md}. */
  Path runSpeed(Path out) throws IOException {
    Files.createDirectories(out);
    long started = System.nanoTime();
    double[][] speed = speed(new SplittableRandom(settings.seed()));
    StringBuilder md = new StringBuilder("# NPLM speed, kernel");
    md.append(settings.neural() ? " and neural side by side\n\n" : "\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Generated by `./trigmon validate nplm --speed-only --speed-reference %d --speed-data %d"
                + "%s --seed %d` on %s in %.0f s (2 shared cores).%n%n",
            settings.speedReference(),
            settings.speedData(),
            settings.neural()
                ? String.format(
                    Locale.ROOT,
                    " --neural --nn-tolerance %s --nn-max-iterations %d",
                    settings.nnTolerance(),
                    settings.nnMaxIterations())
                : "",
            settings.seed(),
            Instant.now(),
            (System.nanoTime() - started) / 1e9));
    md.append(
        "Events from the surrogate dilepton generator of the validation study (scale nuisance"
            + " with analytic δ, normalisation σ_N = 0.025).\n\n");
    speedMarkdown(md, speed);
    Path file = out.resolve("speed.md");
    Files.writeString(file, md.toString());
    return file;
  }

  /**
   * Rows [prepare s, wall s/test, cpu s/test, iterations, M, rank, evaluations]: kernel without δ,
   * kernel with δ, and with {@code neural} the neural NPLM with δ (one test: minutes).
   */
  private double[][] speed(SplittableRandom random) {
    double[][] reference = physics.background(settings.speedReference(), 0, random);
    KernelHyperParameters hyper = KernelNplm.protocol(reference, 0, settings.seed());
    double[][] out = new double[settings.neural() ? 3 : 2][];
    for (int variant = 0; variant < 2; variant++) {
      boolean nuisances = variant == 1;
      KernelNplm nplm =
          KernelNplm.prepare(
              reference, nuisances ? physics.terms(reference) : NuisanceTerms.none(), hyper);
      NplmOptions options =
          nuisances
              ? NplmOptions.expected(settings.speedData())
                  .withNormSigma(NplmOptions.DEFAULT_NORM_SIGMA)
              : NplmOptions.expected(settings.speedData());
      int repeats = 3;
      double wall = 0;
      double cpu = 0;
      double iterations = 0;
      for (int i = 0; i < repeats + 1; i++) {
        double[][] data = physics.background(settings.speedData(), 0, random);
        NuisanceTerms terms = nuisances ? physics.terms(data) : NuisanceTerms.none();
        long cpu0 = processCpuNanos();
        NplmResult r = nplm.test(data, terms, options);
        if (i > 0) { // the first test warms up the JIT
          wall += r.seconds() / repeats;
          cpu += (processCpuNanos() - cpu0) / 1e9 / repeats;
          iterations += (double) r.iterations() / repeats;
        }
      }
      out[variant] =
          new double[] {
            nplm.prepareSeconds(), wall, cpu, iterations, hyper.centres(), nplm.rank(), 0
          };
      log.printf(
          Locale.ROOT,
          "speed %s: %.2f s wall, %.2f s cpu per test%n",
          nuisances ? "with nuisances" : "without",
          wall,
          cpu);
    }
    if (settings.neural()) {
      out[2] = neuralSpeed(reference, random);
    }
    return out;
  }

  /** One neural NPLM test with the scale and normalisation nuisances (τ and Δ fits). */
  private double[] neuralSpeed(double[][] reference, SplittableRandom random) {
    NeuralNplm neural =
        new NeuralNplm(
            NeuralNplmConfig.defaults()
                .withTolerance(settings.nnTolerance())
                .withMaxIterations(settings.nnMaxIterations())
                .withProgressEvery(100),
            line -> {
              log.println(line);
              log.flush();
            });
    NeuralReference test = new NeuralReference(reference, physics.terms(reference), neural);
    NplmOptions options =
        NplmOptions.expected(settings.speedData()).withNormSigma(NplmOptions.DEFAULT_NORM_SIGMA);
    double[][] data = physics.background(settings.speedData(), 0, random);
    long cpu0 = processCpuNanos();
    NplmResult r = test.test(data, physics.terms(data), options);
    double cpu = (processCpuNanos() - cpu0) / 1e9;
    log.printf(Locale.ROOT, "speed neural: %.1f s wall, %.1f s cpu per test%n", r.seconds(), cpu);
    return new double[] {0, r.seconds(), cpu, r.iterations(), 0, 0, 0};
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private String markdown(
      KernelHyperParameters hyper,
      int rank,
      ChiSquareFit fit,
      double[] null0,
      double[][] plus,
      double[][] minus,
      double[] plainNull,
      double[] ksP,
      double[] zBump,
      double[] zTail,
      double[][] speed,
      double seconds) {
    StringBuilder md = new StringBuilder();
    md.append("# NPLM validation (kernel NPLM)\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Generated by `./trigmon validate nplm --n-reference %d --n-data %d --toys %d"
                + " --shifted-toys %d --scale-sigma %s --seed %d` on %s in %.0f s"
                + " (2 shared cores).%n%n",
            settings.nReference(),
            settings.nData(),
            settings.toys(),
            settings.shiftedToys(),
            settings.scaleSigma(),
            settings.seed(),
            Instant.now(),
            seconds));
    md.append(
        "**Scope of this version.** Toys come from a surrogate dilepton generator with an"
            + " exactly known momentum-scale density ratio (`SurrogateDileptons`: log pT Gaussian,"
            + " so δ₁, δ₂ are analytic), not yet from the event simulator; the δ terms are the exact"
            + " ones, not learned δ̂ models. The neural NPLM is compared with the kernel one on the"
            + " event simulator's toys (section 3) and in speed (section 4). The toy studies run at"
            + " N_R = "
            + settings.nReference()
            + ", N(R0) = "
            + settings.nData()
            + " (smaller than the benchmark's 10⁵ / 2·10⁴ so the"
            + " study fits in minutes); the speed section runs at the benchmark size.\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Kernel: σ = %.3f (90th percentile of the standardised reference's pairwise distances),"
                + " M = %d centres (⌈√N_R⌉), basis rank %d, λ = %.0e. Nuisances: momentum scale"
                + " σ_s = %s (in σ units, unit Gaussian constraint, aux ~ N(ν*, 1) per toy),"
                + " normalisation σ_N = %s.%n%n",
            hyper.sigma(),
            hyper.centres(),
            rank,
            hyper.lambda(),
            settings.scaleSigma(),
            NplmOptions.DEFAULT_NORM_SIGMA));
    md.append("## 1. Null calibration\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "%d toys at ν* = 0 (with nuisances): fitted dof = **%.2f** (minimum KS distance %.4f),"
                + " KS p-value against χ²(dof) = **%.3f** (goal ≥ 0.05). Mean t = %.2f.%n%n"
                + "![null t](null_t.png)%n%n",
            null0.length,
            fit.dof(),
            fit.ksDistance(),
            fit.ksPValue(),
            mean(null0)));
    md.append("## 2. Nuisance invariance\n\n");
    md.append(
        "Same toys at ν* = ±1σ, tested with the δ terms (t = τ − Δ) and without them"
            + " (plain NPLM with the same kernel); KS two-sample p-values against the ν* = 0 toys of"
            + " the same test.\n\n");
    md.append("| toys | mean t with δ | KS p vs ν*=0 | mean t without δ | KS p vs ν*=0 (no δ) |\n");
    md.append("| --- | --- | --- | --- | --- |\n");
    md.append(
        String.format(
            Locale.ROOT, "| ν* = 0 | %.2f | — | %.2f | — |%n", mean(null0), mean(plainNull)));
    md.append(
        String.format(
            Locale.ROOT,
            "| ν* = +1σ | %.2f | %.3f | %.2f | %.2g |%n",
            mean(plus[0]),
            ksP[0],
            mean(plus[1]),
            ksP[2]));
    md.append(
        String.format(
            Locale.ROOT,
            "| ν* = −1σ | %.2f | %.3f | %.2f | %.2g |%n%n",
            mean(minus[0]),
            ksP[1],
            mean(minus[1]),
            ksP[3]));
    md.append(
        String.format(
            Locale.ROOT,
            "Without the δ terms a ±1σ shift inflates the mean t by %.1f / %.1f (%.0f %% / %.0f %%)."
                + "%n%n![invariance](invariance.png)%n%n",
            mean(plus[1]) - mean(plainNull),
            mean(minus[1]) - mean(plainNull),
            100 * (mean(plus[1]) / mean(plainNull) - 1),
            100 * (mean(minus[1]) / mean(plainNull) - 1)));
    md.append("## 3. Power\n\n");
    md.append(
        "Z from the calibration of section 1 (empirical p where ≥ 10 toys lie above,"
            + " fitted χ² tail beyond).\n\n");
    md.append("| signal | N(S) | toys | P(Z ≥ 2) | P(Z ≥ 3) | median Z |\n");
    md.append("| --- | --- | --- | --- | --- | --- |\n");
    md.append(powerRow("resonance-like bump (pT ≈ 95 GeV)", 30, zBump));
    md.append(powerRow("non-resonant tail (∝ M12⁴)", 53, zTail));
    md.append("\n![power](power_z.png)\n\n");
    md.append(
        "Power on the event simulator's Z′(300 GeV) and EFT signals: kernel at the benchmark size"
            + " in [simulator-power.md](simulator-power.md) (`--simulator-power`); kernel and"
            + " neural on the same toys, with the known-shape limit, for M12 > 100 GeV and with the"
            + " Z peak in (M12 > 60 GeV):"
            + " [simulator-power-side-by-side.md](simulator-power-side-by-side.md),"
            + " [simulator-power-side-by-side-m60.md](simulator-power-side-by-side-m60.md)"
            + " (`--simulator-power --neural`).\n\n");
    md.append("## 4. Speed\n\n");
    speedMarkdown(md, speed);
    return md.toString();
  }

  private void speedMarkdown(StringBuilder md, double[][] speed) {
    md.append(
        String.format(
            Locale.ROOT,
            "N_R = %d, N_D = %d, one test = τ fit + Δ fit; kernel: mean of 3 after one warm-up"
                + " test; wall and process CPU seconds (the machine is shared: CPU/2 is the 2-core"
                + " wall time of an idle machine).%n%n",
            settings.speedReference(),
            settings.speedData()));
    md.append(
        "| method | M | rank | prepare (s, once per reference) | wall s/test | CPU s/test |"
            + " iterations |\n");
    md.append("| --- | --- | --- | --- | --- | --- | --- |\n");
    String[] names = {
      "kernel, without nuisances",
      "kernel, with scale + normalisation nuisances",
      "neural (5-5-5-5-1, L-BFGS), with scale + normalisation nuisances, one test"
    };
    for (int v = 0; v < speed.length; v++) {
      boolean kernel = v < 2;
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %.2f | %.2f | %.0f |%n",
              names[v],
              kernel ? String.format(Locale.ROOT, "%.0f", speed[v][4]) : "—",
              kernel ? String.format(Locale.ROOT, "%.0f", speed[v][5]) : "—",
              kernel ? String.format(Locale.ROOT, "%.1f", speed[v][0]) : "—",
              speed[v][1],
              speed[v][2],
              speed[v][3]));
    }
    if (speed.length > 2) {
      double perIteration = speed[2][2] / speed[2][3];
      boolean capped = speed[2][3] >= settings.nnMaxIterations();
      md.append(
          String.format(
              Locale.ROOT,
              "%nNeural: %.0f ms CPU per L-BFGS iteration (about 1.3 loss-and-gradient evaluations"
                  + " by DJL over the %d events)%s; neural / kernel with nuisances: %.0f× in CPU"
                  + " time for this fit%s.%n",
              1000 * perIteration,
              settings.speedReference() + settings.speedData(),
              capped
                  ? String.format(
                      Locale.ROOT,
                      ". The τ fit stopped at the iteration cap (--nn-max-iterations %d), not on"
                          + " the loss criterion: a test costs about iterations × this, e.g. %.0f s"
                          + " CPU at 2000 iterations",
                      settings.nnMaxIterations(),
                      2000 * perIteration)
                  : "",
              speed[2][2] / speed[1][2],
              capped ? " (capped)" : ""));
    }
    md.append(
        "\nIterations: Newton iterations of the τ and Δ fits (kernel), L-BFGS iterations of both"
            + " fits (neural). Published (Letizia et al. 2022, Table 1): kernel 44.9 ± 3.4 s per"
            + " test on two GPUs, neural 4.23 ± 0.73 h on CPU.\n");
  }

  private static String powerRow(String name, int signal, double[] z) {
    return String.format(
        Locale.ROOT,
        "| %s | %d | %d | %.2f | %.2f | %.2f |%n",
        name,
        signal,
        z.length,
        fraction(z, 2),
        fraction(z, 3),
        median(z));
  }

  private static double fraction(double[] z, double threshold) {
    return Arrays.stream(z).filter(v -> v >= threshold).count() / (double) z.length;
  }

  static double median(double[] x) {
    double[] s = x.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static double mean(double[] x) {
    return Arrays.stream(x).average().orElse(Double.NaN);
  }

  private static void plotNull(Path file, double[] t, ChiSquareFit fit) throws IOException {
    XYChart chart = chart("Null t (ν* = 0, with nuisances)", "t", "density");
    addHistogram(chart, "toys", t, 30);
    ChiSquaredDistribution chi2 = new ChiSquaredDistribution(null, fit.dof());
    double lo = Arrays.stream(t).min().orElse(0);
    double hi = Arrays.stream(t).max().orElse(1);
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (int i = 0; i <= 200; i++) {
      double x = lo + (hi - lo) * i / 200;
      xs.add(x);
      ys.add(chi2.density(x));
    }
    chart
        .addSeries(String.format(Locale.ROOT, "χ²(%.1f)", fit.dof()), xs, ys)
        .setMarker(SeriesMarkers.NONE);
    BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
  }

  private static void plotInvariance(
      Path file, double[] null0, double[][] plus, double[][] minus, double[] plainNull)
      throws IOException {
    XYChart chart = chart("t under ν* shifts, with and without δ", "t", "density");
    addHistogram(chart, "ν*=0 with δ", null0, 25);
    addHistogram(chart, "ν*=+1 with δ", plus[0], 25);
    addHistogram(chart, "ν*=−1 with δ", minus[0], 25);
    addHistogram(chart, "ν*=0 no δ", plainNull, 25);
    addHistogram(chart, "ν*=+1 no δ", plus[1], 25);
    addHistogram(chart, "ν*=−1 no δ", minus[1], 25);
    BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
  }

  private static void plotPower(Path file, double[] zBump, double[] zTail) throws IOException {
    XYChart chart = chart("Z of signal toys", "Z", "density");
    addHistogram(chart, "bump N(S)=30", clip(zBump), 25);
    addHistogram(chart, "tail N(S)=53", clip(zTail), 25);
    BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
  }

  private static double[] clip(double[] z) {
    return Arrays.stream(z).map(v -> Math.max(-4, Math.min(10, v))).toArray();
  }

  static XYChart chart(String title, String x, String y) {
    XYChart chart =
        new XYChartBuilder()
            .width(800)
            .height(500)
            .title(title)
            .xAxisTitle(x)
            .yAxisTitle(y)
            .build();
    chart.getStyler().setMarkerSize(0);
    return chart;
  }

  /** A normalised step histogram as an XY series. */
  static void addHistogram(XYChart chart, String name, double[] values, int bins) {
    double lo = Arrays.stream(values).min().orElse(0);
    double hi = Arrays.stream(values).max().orElse(1);
    if (hi <= lo) {
      hi = lo + 1;
    }
    double width = (hi - lo) / bins;
    double[] counts = new double[bins];
    for (double v : values) {
      counts[Math.min(bins - 1, (int) ((v - lo) / width))]++;
    }
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (int b = 0; b < bins; b++) {
      double density = counts[b] / (values.length * width);
      xs.add(lo + b * width);
      ys.add(density);
      xs.add(lo + (b + 1) * width);
      ys.add(density);
    }
    chart.addSeries(name, xs, ys).setMarker(SeriesMarkers.NONE);
  }
}
