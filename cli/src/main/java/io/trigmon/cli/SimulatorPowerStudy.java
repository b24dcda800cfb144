package io.trigmon.cli;

import io.trigmon.calibration.Calibration;
import io.trigmon.calibration.ChiSquareFit;
import io.trigmon.event.DileptonFeatures;
import io.trigmon.mlp.Standardisation;
import io.trigmon.nplm.KernelHyperParameters;
import io.trigmon.nplm.KernelNplm;
import io.trigmon.nplm.NplmOptions;
import io.trigmon.nplm.NplmResult;
import io.trigmon.nplm.WindowTest;
import io.trigmon.nplm.neural.NeuralNplm;
import io.trigmon.nplm.neural.NeuralNplmConfig;
import io.trigmon.nplm.neural.NeuralReference;
import io.trigmon.nuisance.NuisanceTerms;
import io.trigmon.simulation.Process;
import io.trigmon.simulation.Regime;
import io.trigmon.simulation.Selection;
import io.trigmon.simulation.SignalInjection;
import io.trigmon.simulation.Simulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;

/**
 * Power of the NPLM on the event simulator's benchmark signals (issue 3, report item 3): muon-like
 * Drell–Yan reference and null toys under a dilepton selection (M12 &gt; 100 GeV by default, or
 * with the Z peak in), Z′(300 GeV) and the EFT contact operator (c_W = 1.5 TeV⁻²) injected by count
 * into Poisson(N(0)) background windows. The kernel NPLM — and with {@code neural} the neural NPLM,
 * on the SAME windows — each calibrated on its own null toys of the same configuration; beside each
 * power number the known-shape limit ({@link KnownShapeBound}). Writes {@code simulator-power*.md}
 * and, side by side, a PNG of the Z distributions.
 */
final class SimulatorPowerStudy {

  /** Settings of the study. */
  record Settings(
      int nReference,
      int nData,
      int nullToys,
      int nnNullToys,
      int signalToys,
      int nnSignalToys,
      long seed,
      double massMin,
      int zPrimeSignal,
      int eftSignal,
      boolean neural,
      double nnTolerance,
      int nnMaxIterations) {}

  private final Settings settings;
  private final PrintWriter log;

  SimulatorPowerStudy(Settings settings, PrintWriter log) {
    this.settings = settings;
    this.log = log;
  }

  /** One method under study: its test, its null t, its CPU seconds. */
  private static final class Method {
    final String name;
    final WindowTest test;
    final List<Double> nullT = new ArrayList<>();
    final Map<Process, double[]> z = new LinkedHashMap<>();
    double cpuSeconds;
    double wallSeconds;
    int tests;
    long iterations;
    int capped;
    int cap = Integer.MAX_VALUE;
    Calibration calibration;

    /** Signal toys per signal this method tests: all, or the neural NPLM's first ones. */
    int toys(Settings settings) {
      return cap == Integer.MAX_VALUE ? settings.signalToys() : settings.nnSignalToys();
    }

    Method(String name, WindowTest test) {
      this.name = name;
      this.test = test;
    }

    double t(double[][] window, NplmOptions options) {
      long cpu0 = processCpuNanos();
      NplmResult r = test.test(window, NuisanceTerms.none(), options);
      cpuSeconds += (processCpuNanos() - cpu0) / 1e9;
      wallSeconds += r.seconds();
      tests++;
      iterations += r.iterations();
      if (r.iterations() >= cap) {
        capped++;
      }
      return r.t();
    }
  }

  /** Runs the study, writes {@code power_z.png} into {@code out}, returns section 3's Markdown. */
  String run(Path out) throws IOException {
    System.setProperty("java.awt.headless", "true");
    Files.createDirectories(out);
    long started = System.nanoTime();
    double[][] reference =
        features(simulator(Process.DY, null, settings.seed()), settings.nReference());
    KernelHyperParameters hyper =
        KernelHyperParameters.byProtocol(
            Standardisation.fit(reference).apply(reference),
            0,
            KernelHyperParameters.DEFAULT_LAMBDA,
            KernelHyperParameters.DEFAULT_PERCENTILE,
            settings.seed());
    KernelNplm kernel = KernelNplm.prepare(reference, NuisanceTerms.none(), hyper);
    List<Method> methods = new ArrayList<>();
    methods.add(new Method("kernel", kernel));
    NeuralNplmConfig nnConfig =
        NeuralNplmConfig.defaults()
            .withTolerance(settings.nnTolerance())
            .withMaxIterations(settings.nnMaxIterations());
    if (settings.neural()) {
      Method neural =
          new Method(
              "neural",
              new NeuralReference(
                  reference, NuisanceTerms.none(), new NeuralNplm(nnConfig, l -> {})));
      neural.cap = settings.nnMaxIterations();
      methods.add(neural);
    }
    NplmOptions options = NplmOptions.expected(settings.nData());
    log.printf(
        Locale.ROOT,
        "simulator reference prepared: N_R=%d, M12 > %.0f, M=%d, rank %d%n",
        reference.length,
        settings.massMin(),
        hyper.centres(),
        kernel.rank());
    SplittableRandom random = new SplittableRandom(settings.seed() + 1);
    for (int i = 0; i < settings.nullToys(); i++) {
      double[][] window = window(null, 0, random);
      StringBuilder line =
          new StringBuilder(
              String.format(Locale.ROOT, "  null toy %d/%d", i + 1, settings.nullToys()));
      for (Method m : methods) {
        if (m.cap != Integer.MAX_VALUE && i >= settings.nnNullToys()) {
          continue;
        }
        double t = m.t(window, options);
        m.nullT.add(t);
        line.append(
            String.format(
                Locale.ROOT,
                " %s t=%.1f (%.0f s cpu/test so far)",
                m.name,
                t,
                m.cpuSeconds / m.tests));
      }
      log.println(line);
      log.flush();
    }
    for (Method m : methods) {
      m.calibration =
          Calibration.of(Map.of(0.0, m.nullT.stream().mapToDouble(Double::doubleValue).toArray()));
    }
    Map<Process, Integer> signals = new LinkedHashMap<>();
    signals.put(Process.ZPRIME, settings.zPrimeSignal());
    signals.put(Process.EFT, settings.eftSignal());
    for (Map.Entry<Process, Integer> signal : signals.entrySet()) {
      for (Method m : methods) {
        m.z.put(signal.getKey(), new double[Math.min(m.toys(settings), settings.signalToys())]);
      }
      for (int i = 0; i < settings.signalToys(); i++) {
        double[][] window = window(signal.getKey(), signal.getValue(), random);
        StringBuilder line =
            new StringBuilder(
                String.format(
                    Locale.ROOT, "  %s toy %d/%d", signal.getKey(), i + 1, settings.signalToys()));
        for (Method m : methods) {
          if (i >= m.z.get(signal.getKey()).length) {
            continue;
          }
          double z = m.calibration.z(m.t(window, options));
          m.z.get(signal.getKey())[i] = z;
          line.append(String.format(Locale.ROOT, " %s Z=%.2f", m.name, z));
        }
        log.println(line);
        log.flush();
      }
    }
    Map<Process, KnownShapeBound> bounds = new LinkedHashMap<>();
    // shapes for the limit from samples independent of the toys, larger than the reference
    double[] backgroundM12 =
        m12(features(simulator(Process.DY, null, settings.seed() + 98), 300_000));
    for (Map.Entry<Process, Integer> signal : signals.entrySet()) {
      double[] signalM12 =
          m12(features(simulator(signal.getKey(), null, settings.seed() + 99), 20_000));
      bounds.put(
          signal.getKey(),
          KnownShapeBound.of(
              backgroundM12,
              signalM12,
              settings.massMin(),
              settings.nData() - signal.getValue(),
              signal.getValue(),
              2000,
              settings.seed() + 5));
    }
    plot(out.resolve("power_z.png"), methods);
    return markdown(hyper, kernel.rank(), methods, signals, bounds, nnConfig, started);
  }

  private String markdown(
      KernelHyperParameters hyper,
      int rank,
      List<Method> methods,
      Map<Process, Integer> signals,
      Map<Process, KnownShapeBound> bounds,
      NeuralNplmConfig nnConfig,
      long started) {
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "Muon-like Drell–Yan (selection M12 > %.0f GeV%s) from `io.trigmon.simulation.Simulator`:"
                + " reference N_R = %d, windows N_D ~ Poisson(N(0) = %d) with the signal events"
                + " replacing background events (signals injected by count), no nuisances (the"
                + " muon-like scale uncertainties are 0.05 %% / 0.15 %%). Kernel σ = %.3f, M = %d"
                + " (⌈√N_R⌉, rank %d), λ = %.0e.",
            settings.massMin(),
            settings.massMin() < 91 ? ", Z peak included" : "",
            settings.nReference(),
            settings.nData(),
            hyper.sigma(),
            hyper.centres(),
            rank,
            hyper.lambda()));
    if (settings.neural()) {
      md.append(
          String.format(
              Locale.ROOT,
              " Neural: %s-1 sigmoid MLP, weight clipping %.2f, trained with DJL (float64 autograd,"
                  + " full batch) by projected L-BFGS until %d iterations in a row lower the loss by"
                  + " less than %s (τ settled to about 2 × %d × %s = %.2f, against a null spread of"
                  + " t of several units), at most %d iterations (fits that reach the cap are"
                  + " counted below). Both methods test the same windows: the neural"
                  + " null calibration uses the first %d of the kernel's null windows, and it tests the first %d"
                  + " windows of each signal (the neural test costs minutes of CPU at this size).",
              "5-"
                  + String.join(
                      "-", Arrays.stream(nnConfig.hidden()).mapToObj(Integer::toString).toList()),
              nnConfig.weightClip(),
              NeuralNplmConfig.PATIENCE,
              nnConfig.tolerance(),
              NeuralNplmConfig.PATIENCE,
              nnConfig.tolerance(),
              2 * NeuralNplmConfig.PATIENCE * nnConfig.tolerance(),
              nnConfig.maxIterations(),
              Math.min(settings.nnNullToys(), settings.nullToys()),
              Math.min(settings.nnSignalToys(), settings.signalToys())));
    }
    md.append(
        String.format(
            Locale.ROOT, " Section 3 took %.0f s.%n%n", (System.nanoTime() - started) / 1e9));
    md.append(
        "| method | null toys | fitted dof | KS p | mean t | tests | CPU s/test | wall s/test |"
            + " iterations/test | fits at the cap |\n");
    md.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (Method m : methods) {
      ChiSquareFit fit = m.calibration.fit();
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.1f | %.3f | %.1f | %d | %.2f | %.2f | %.0f | %s |%n",
              m.name,
              m.nullT.size(),
              fit.dof(),
              fit.ksPValue(),
              m.nullT.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN),
              m.tests,
              m.cpuSeconds / m.tests,
              m.wallSeconds / m.tests,
              (double) m.iterations / m.tests,
              m.cap == Integer.MAX_VALUE ? "—" : m.capped + " of " + m.tests));
    }
    md.append(
        "\nZ from each method's own null toys (empirical p where ≥ 10 toys lie above, fitted χ²"
            + " tail beyond). Fractions ± their binomial standard error √(p(1−p)/n) (at p = 0:"
            + " < 3/n at 95 %); the median's interval is the order-statistic 68 % interval."
            + " Known-shape limit: binned M12 likelihood ratio with the signal's M12 shape known"
            + " (5 GeV bins, shapes from 3·10⁵ DY and 2·10⁴ signal events, 2000 Poisson toys):"
            + " the best any test of these windows can do (the simulator's Z′ and EFT differ from"
            + " Drell–Yan only through the M12 lineshape, so M12 carries all the information; see"
            + " [power-investigation.md](power-investigation.md)). An EFT event is drawn from the"
            + " full EFT lineshape (Drell–Yan × (1 + c·M²)²) and replaces a Drell–Yan event, as"
            + " for the Z′.\n\n");
    md.append(
        "| signal | N(S) | toys | method | P(Z ≥ 2) | P(Z ≥ 3) | median Z | known-shape limit P2 /"
            + " P3 / median | published kernel P2 / P3 |\n"
            + "| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (Map.Entry<Process, Integer> signal : signals.entrySet()) {
      KnownShapeBound bound = bounds.get(signal.getKey());
      boolean zPrime = signal.getKey() == Process.ZPRIME;
      for (Method m : methods) {
        double[] z = m.z.get(signal.getKey());
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %d | %d | %s | %s | %s | %s | %.2f / %.2f / %.2f | %s |%n",
                zPrime ? "Z′ (300 GeV)" : "EFT c_W = 1.5 TeV⁻²",
                signal.getValue(),
                z.length,
                m.name,
                fractionText(z, 2),
                fractionText(z, 3),
                medianText(z),
                bound.p2(),
                bound.p3(),
                bound.medianZ(),
                zPrime ? "0.42 / 0.13" : "0.30 / 0.09"));
      }
    }
    md.append(
        "\nPublished kernel NPLM: Letizia et al., EPJC 82 (2022) 879, N(0) = 2·10⁴, N_R = 10⁵,"
            + " M = 2·10⁴ centres; their sample is not this simulator's (see"
            + " [power-investigation.md](power-investigation.md): with M12 > 100 GeV the Z′ sits"
            + " on ≈ 100 Drell–Yan events in its mass window, so even the known-shape test stays"
            + " near the published signal-agnostic figures).\n\n![Z side by side](power_z.png)\n");
    return md.toString();
  }

  /** P(Z ≥ threshold) ± binomial standard error. */
  static String fractionText(double[] z, double threshold) {
    int n = z.length;
    double p = fraction(z, threshold);
    if (p == 0) {
      return String.format(Locale.ROOT, "0 (< %.2f)", Math.min(1, 3.0 / n));
    }
    return String.format(Locale.ROOT, "%.2f ± %.2f", p, Math.sqrt(p * (1 - p) / n));
  }

  /** Median and its order-statistic 68 % interval (n/2 ± √n/2). */
  static String medianText(double[] z) {
    double[] s = z.clone();
    Arrays.sort(s);
    int n = s.length;
    int lo = (int) Math.max(0, Math.floor(n / 2.0 - Math.sqrt(n) / 2));
    int hi = (int) Math.min(n - 1, Math.ceil(n / 2.0 + Math.sqrt(n) / 2) - 1);
    return String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", NplmStudy.median(z), s[lo], s[hi]);
  }

  private static void plot(Path file, List<Method> methods) throws IOException {
    XYChart chart = NplmStudy.chart("Z of signal toys, same windows", "Z", "density");
    for (Method m : methods) {
      for (Map.Entry<Process, double[]> e : m.z.entrySet()) {
        NplmStudy.addHistogram(
            chart,
            m.name + " " + e.getKey().cliName(),
            Arrays.stream(e.getValue()).map(v -> Math.max(-4, Math.min(10, v))).toArray(),
            15);
      }
    }
    BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
  }

  private Simulator simulator(Process process, SignalInjection signal, long seed) {
    Simulator.Builder builder =
        Simulator.builder()
            .process(process)
            .regime(Regime.MUON_LIKE)
            .selection(Selection.dilepton(settings.massMin()))
            .seed(seed);
    if (signal != null) {
      builder.signal(signal);
    }
    return builder.build();
  }

  private double[][] window(Process signal, int count, SplittableRandom random) {
    int n =
        new PoissonDistribution(
                new Well19937c(random.nextLong()),
                settings.nData(),
                PoissonDistribution.DEFAULT_EPSILON,
                10_000_000)
            .sample();
    return features(
        simulator(
            Process.DY,
            signal == null ? null : SignalInjection.count(signal, count),
            random.nextLong()),
        n);
  }

  private static double[][] features(Simulator simulator, int n) {
    return simulator.dileptonFeatures(n);
  }

  private static double[] m12(double[][] rows) {
    return Arrays.stream(rows)
        .mapToDouble(x -> DileptonFeatures.m12(x[0], x[1], x[2], x[3], x[4]))
        .toArray();
  }

  private static double fraction(double[] z, double threshold) {
    return Arrays.stream(z).filter(v -> v >= threshold).count() / (double) z.length;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
