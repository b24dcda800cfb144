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
import java.time.Instant;
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
      int signalToys,
      int centres,
      double percentile,
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
    Calibration calibration;

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
      return r.t();
    }
  }

  Path run(Path out) throws IOException {
    System.setProperty("java.awt.headless", "true");
    Files.createDirectories(out);
    long started = System.nanoTime();
    double[][] reference =
        features(simulator(Process.DY, null, settings.seed()), settings.nReference());
    KernelHyperParameters hyper =
        KernelHyperParameters.byProtocol(
            Standardisation.fit(reference).apply(reference),
            settings.centres(),
            KernelHyperParameters.DEFAULT_LAMBDA,
            settings.percentile(),
            settings.seed());
    KernelNplm kernel = KernelNplm.prepare(reference, NuisanceTerms.none(), hyper);
    List<Method> methods = new ArrayList<>();
    methods.add(new Method("kernel", kernel));
    NeuralNplmConfig nnConfig =
        NeuralNplmConfig.defaults()
            .withTolerance(settings.nnTolerance())
            .withMaxIterations(settings.nnMaxIterations());
    if (settings.neural()) {
      methods.add(
          new Method(
              "neural",
              new NeuralReference(
                  reference, NuisanceTerms.none(), new NeuralNplm(nnConfig, l -> {}))));
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
        double t = m.t(window, options);
        m.nullT.add(t);
        line.append(String.format(Locale.ROOT, " %s t=%.1f", m.name, t));
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
        m.z.put(signal.getKey(), new double[settings.signalToys()]);
      }
      for (int i = 0; i < settings.signalToys(); i++) {
        double[][] window = window(signal.getKey(), signal.getValue(), random);
        StringBuilder line =
            new StringBuilder(
                String.format(
                    Locale.ROOT, "  %s toy %d/%d", signal.getKey(), i + 1, settings.signalToys()));
        for (Method m : methods) {
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
    String stem = stem(hyper);
    if (settings.neural()) {
      plot(out.resolve(stem + ".png"), methods);
    }
    Path file = out.resolve(stem + ".md");
    Files.writeString(
        file, markdown(hyper, kernel.rank(), methods, signals, bounds, nnConfig, started, stem));
    return file;
  }

  private String stem(KernelHyperParameters hyper) {
    String base =
        settings.centres() == 0 && settings.percentile() == 90
            ? "simulator-power"
            : String.format(
                Locale.ROOT, "simulator-power-M%d-p%.0f", hyper.centres(), settings.percentile());
    if (settings.neural()) {
      base += "-side-by-side";
    }
    if (settings.massMin() != Selection.NPLM_MASS_MIN) {
      base += String.format(Locale.ROOT, "-m%.0f", settings.massMin());
    }
    return base;
  }

  private String markdown(
      KernelHyperParameters hyper,
      int rank,
      List<Method> methods,
      Map<Process, Integer> signals,
      Map<Process, KnownShapeBound> bounds,
      NeuralNplmConfig nnConfig,
      long started,
      String stem) {
    StringBuilder md =
        new StringBuilder(
            settings.neural()
                ? "# Kernel vs neural NPLM power on the simulator's signals\n\n"
                : "# Kernel NPLM power on the simulator's signals\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Generated by `./trigmon validate nplm --simulator-power --power-reference %d"
                + " --power-data %d --power-null-toys %d --power-signal-toys %d%s%s%s --seed %d` on %s"
                + " in %.0f s (2 shared cores).%n%n",
            settings.nReference(),
            settings.nData(),
            settings.nullToys(),
            settings.signalToys(),
            settings.massMin() != Selection.NPLM_MASS_MIN
                ? String.format(Locale.ROOT, " --mass-min %.0f", settings.massMin())
                : "",
            settings.zPrimeSignal() != 30 || settings.eftSignal() != 53
                ? String.format(
                    Locale.ROOT,
                    " --zprime-signal %d --eft-signal %d",
                    settings.zPrimeSignal(),
                    settings.eftSignal())
                : "",
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
        String.format(
            Locale.ROOT,
            "Muon-like Drell–Yan (selection M12 > %.0f GeV%s) from `io.trigmon.simulation.Simulator`:"
                + " reference N_R = %d, windows N_D ~ Poisson(N(0) = %d) with the signal events"
                + " replacing background events (signals injected by count), no nuisances (the"
                + " muon-like scale uncertainties are 0.05 %% / 0.15 %%). Kernel σ = %.3f, M = %d"
                + " (rank %d), λ = %.0e.",
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
                  + " less than %s (at most %d iterations); the same windows are tested by both"
                  + " methods.",
              "5-"
                  + String.join(
                      "-", Arrays.stream(nnConfig.hidden()).mapToObj(Integer::toString).toList()),
              nnConfig.weightClip(),
              NeuralNplmConfig.PATIENCE,
              nnConfig.tolerance(),
              nnConfig.maxIterations()));
    }
    md.append("\n\n");
    md.append("| method | null toys | fitted dof | KS p | mean t | CPU s/test | wall s/test |\n");
    md.append("| --- | --- | --- | --- | --- | --- | --- |\n");
    for (Method m : methods) {
      ChiSquareFit fit = m.calibration.fit();
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.1f | %.3f | %.1f | %.2f | %.2f |%n",
              m.name,
              m.nullT.size(),
              fit.dof(),
              fit.ksPValue(),
              m.nullT.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN),
              m.cpuSeconds / m.tests,
              m.wallSeconds / m.tests));
    }
    md.append(
        String.format(
            Locale.ROOT,
            "%nZ from each method's own null toys (empirical p where ≥ 10 toys lie above, fitted χ²"
                + " tail beyond). Binomial uncertainty on the fractions about ±%.2f. Known-shape"
                + " limit: binned M12 likelihood ratio with the signal's M12 shape known (5 GeV"
                + " bins, shapes from 3·10⁵ DY and 2·10⁴ signal events, 2000 Poisson toys): the"
                + " best any test of these windows can do (the simulator's Z′ and EFT differ from"
                + " Drell–Yan only through the M12 lineshape, so M12 carries all the information)."
                + " An EFT event is drawn from the full EFT lineshape (Drell–Yan × (1 + c·M²)²)"
                + " and replaces a Drell–Yan event, as for the Z′.%n%n",
            0.5 / Math.sqrt(settings.signalToys())));
    md.append(
        "| signal | N(S) | toys | method | P(Z ≥ 2) | P(Z ≥ 3) | median Z | known-shape limit P2 /"
            + " P3 / median |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (Map.Entry<Process, Integer> signal : signals.entrySet()) {
      KnownShapeBound bound = bounds.get(signal.getKey());
      for (Method m : methods) {
        double[] z = m.z.get(signal.getKey());
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %d | %d | %s | %.2f | %.2f | %.2f | %.2f / %.2f / %.2f |%n",
                signal.getKey() == Process.ZPRIME ? "Z′ (300 GeV)" : "EFT c_W = 1.5 TeV⁻²",
                signal.getValue(),
                z.length,
                m.name,
                fraction(z, 2),
                fraction(z, 3),
                NplmStudy.median(z),
                bound.p2(),
                bound.p3(),
                bound.medianZ()));
      }
    }
    md.append(
        "\nPublished kernel NPLM (Letizia et al., EPJC 82 (2022) 879, N(0) = 2·10⁴, N_R = 10⁵,"
            + " M = 2·10⁴ centres): Z′ N(S) = 30: 0.42 / 0.13; EFT N(S) = 53: 0.30 / 0.09"
            + " (P(Z ≥ 2) / P(Z ≥ 3)).\n");
    if (settings.neural()) {
      md.append("\n![Z side by side](" + stem + ".png)\n");
    }
    return md.toString();
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
