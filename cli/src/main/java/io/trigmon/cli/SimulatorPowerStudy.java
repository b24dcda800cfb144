package io.trigmon.cli;

import io.trigmon.calibration.Calibration;
import io.trigmon.calibration.ChiSquareFit;
import io.trigmon.event.DileptonFeatures;
import io.trigmon.mlp.ForwardPasses;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BinomialDistribution;
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
      int centres,
      long seed,
      double massMin,
      int zPrimeSignal,
      int eftSignal,
      boolean neural,
      double nnTolerance,
      int nnMaxIterations,
      int nnWindow,
      double nnRelativeTolerance,
      NeuralNplmConfig.Backend nnBackend,
      int nnThreads,
      Path nnReuse) {

    /** The neural NPLM's training settings these select (section 3 and the speed section). */
    NeuralNplmConfig nnConfig() {
      return NeuralNplmConfig.defaults()
          .withTolerance(nnTolerance)
          .withMaxIterations(nnMaxIterations)
          .withWindow(nnWindow, nnRelativeTolerance)
          .withBackend(nnBackend)
          .withThreads(nnThreads);
    }
  }

  /** Told the Markdown of what is done after each neural round. */
  interface PartialReport {
    void write(String markdown) throws IOException;
  }

  /**
   * Partial reports carry the paired bootstrap (tens of seconds: it refits two χ² calibrations per
   * replica) only every this many neural rounds; the final report always does.
   */
  private static final int BOOTSTRAP_EVERY = 10;

  /** Progress lines of the first neural null fit kept for the report: τ every this many. */
  private static final int TRACE_EVERY = 500;

  private final Settings settings;
  private final PrintWriter log;
  private String plotName = "power_z.png";

  SimulatorPowerStudy(Settings settings, PrintWriter log) {
    this.settings = settings;
    this.log = log;
  }

  /** One method under study: its test, its null t, its CPU seconds. */
  private static final class Method {
    final String name;
    final WindowTest test;
    final List<Double> nullT = new ArrayList<>();
    final Map<Process, List<Double>> signalT = new LinkedHashMap<>();
    double cpuSeconds;
    double wallSeconds;
    int tests;
    long iterations;
    int minIterations = Integer.MAX_VALUE;
    int maxIterations;
    int capped;
    int cap = Integer.MAX_VALUE;

    /** Z of each signal toy tested so far, from this method's null toys so far. */
    Map<Process, double[]> z() {
      Calibration calibration = Calibration.of(Map.of(0.0, values(nullT)));
      Map<Process, double[]> z = new LinkedHashMap<>();
      for (Map.Entry<Process, List<Double>> e : signalT.entrySet()) {
        z.put(e.getKey(), e.getValue().stream().mapToDouble(calibration::z).toArray());
      }
      return z;
    }

    ChiSquareFit fit() {
      return ChiSquareFit.of(values(nullT));
    }

    Method(String name, WindowTest test) {
      this.name = name;
      this.test = test;
    }

    String costCells() {
      return SimulatorPowerStudy.costCells(
          tests, cpuSeconds, wallSeconds, iterations, minIterations, maxIterations, cap, capped);
    }

    /** Neural t of earlier runs by {@link NeuralReuse#key}: used instead of a new fit. */
    final Map<String, Double> reuse = new HashMap<>();

    int reused;

    /** The t of this window: reused when an earlier run tested it, else tested now. */
    double t(String window, double[][] rows, NplmOptions options) {
      Double earlier = reuse.get(window);
      if (earlier != null) {
        reused++;
        return earlier;
      }
      return t(rows, options);
    }

    double t(double[][] window, NplmOptions options) {
      long cpu0 = processCpuNanos();
      NplmResult r = test.test(window, NuisanceTerms.none(), options);
      cpuSeconds += (processCpuNanos() - cpu0) / 1e9;
      wallSeconds += r.seconds();
      tests++;
      iterations += r.iterations();
      minIterations = Math.min(minIterations, r.iterations());
      maxIterations = Math.max(maxIterations, r.iterations());
      if (r.iterations() >= cap) {
        capped++;
      }
      return r.t();
    }
  }

  /**
   * Runs the study, writes the Z plot {@code plotName} into {@code out}, returns section 3's
   * Markdown. The kernel NPLM tests every window first; the neural NPLM then tests its windows in
   * rounds (null toy i, Z′ toy i, EFT toy i), and after each round {@code partial} gets the
   * Markdown of what is done, so a run stopped early leaves a consistent report. The windows are
   * those of a run that tests them in the order null, Z′, EFT (seeds drawn up front in that order).
   */
  String run(Path out, String plotName, PartialReport partial) throws IOException {
    System.setProperty("java.awt.headless", "true");
    Files.createDirectories(out);
    this.plotName = plotName;
    long started = System.nanoTime();
    double[][] reference =
        features(simulator(Process.DY, null, settings.seed()), settings.nReference());
    KernelHyperParameters hyper =
        KernelHyperParameters.byProtocol(
            Standardisation.fit(reference).apply(reference),
            settings.centres(),
            KernelHyperParameters.DEFAULT_LAMBDA,
            KernelHyperParameters.DEFAULT_PERCENTILE,
            settings.seed());
    KernelNplm kernel = KernelNplm.prepare(reference, NuisanceTerms.none(), hyper);
    Method kernelMethod = new Method("kernel", kernel);
    NeuralNplmConfig nnConfig = settings.nnConfig().withProgressEvery(TRACE_EVERY);
    List<String> trace = new ArrayList<>();
    boolean[] tracing = {false};
    Method neural =
        new Method(
            "neural",
            new NeuralReference(
                reference,
                NuisanceTerms.none(),
                new NeuralNplm(
                    nnConfig,
                    line -> {
                      if (tracing[0]) {
                        trace.add(line.strip());
                      }
                    })));
    neural.cap = settings.nnMaxIterations();
    List<Method> methods =
        settings.neural() ? List.of(kernelMethod, neural) : List.of(kernelMethod);
    NplmOptions options = NplmOptions.expected(settings.nData());
    log.printf(
        Locale.ROOT,
        "simulator reference prepared: N_R=%d, M12 > %.0f, M=%d, rank %d%n",
        reference.length,
        settings.massMin(),
        hyper.centres(),
        kernel.rank());
    Map<Process, Integer> signals = new LinkedHashMap<>();
    signals.put(Process.ZPRIME, settings.zPrimeSignal());
    signals.put(Process.EFT, settings.eftSignal());
    SplittableRandom random = new SplittableRandom(settings.seed() + 1);
    long[][] nullSeeds = seeds(settings.nullToys(), random);
    Map<Process, long[][]> signalSeeds = new LinkedHashMap<>();
    for (Process signal : signals.keySet()) {
      signalSeeds.put(signal, seeds(settings.signalToys(), random));
      for (Method m : methods) {
        m.signalT.put(signal, new ArrayList<>());
      }
    }
    Map<Process, KnownShapeBound> bounds = bounds(signals);
    for (int i = 0; i < settings.nullToys(); i++) {
      kernelMethod.nullT.add(kernelMethod.t(window(null, 0, nullSeeds[i]), options));
    }
    for (Map.Entry<Process, Integer> signal : signals.entrySet()) {
      for (long[] seed : signalSeeds.get(signal.getKey())) {
        kernelMethod
            .signalT
            .get(signal.getKey())
            .add(kernelMethod.t(window(signal.getKey(), signal.getValue(), seed), options));
      }
    }
    log.printf(
        Locale.ROOT,
        "kernel: %d null and %d signal toys per signal, %.2f s cpu/test%n",
        settings.nullToys(),
        settings.signalToys(),
        kernelMethod.cpuSeconds / kernelMethod.tests);
    log.flush();
    if (settings.neural() && settings.nnReuse() != null) {
      neural.reuse.putAll(
          NeuralReuse.read(settings.nnReuse(), kernelMethod.nullT, kernelMethod.signalT));
      log.printf(
          Locale.ROOT,
          "neural: %d windows' t reused from %s%n",
          neural.reuse.size(),
          settings.nnReuse());
    }
    int nnNull = Math.min(settings.nnNullToys(), settings.nullToys());
    int nnSignal = Math.min(settings.nnSignalToys(), settings.signalToys());
    for (int i = 0; settings.neural() && i < Math.max(nnNull, nnSignal); i++) {
      StringBuilder line =
          new StringBuilder(String.format(Locale.ROOT, "  neural round %d:", i + 1));
      if (i < nnNull) {
        tracing[0] = i == 0;
        double t = neural.t(NeuralReuse.key("null", i), window(null, 0, nullSeeds[i]), options);
        tracing[0] = false;
        neural.nullT.add(t);
        line.append(String.format(Locale.ROOT, " null t=%.1f", t));
      }
      for (Map.Entry<Process, Integer> signal : signals.entrySet()) {
        if (i < nnSignal) {
          double t =
              neural.t(
                  NeuralReuse.key(signal.getKey().cliName(), i),
                  window(signal.getKey(), signal.getValue(), signalSeeds.get(signal.getKey())[i]),
                  options);
          neural.signalT.get(signal.getKey()).add(t);
          line.append(String.format(Locale.ROOT, " %s t=%.1f", signal.getKey().cliName(), t));
        }
      }
      line.append(
          neural.tests == 0
              ? " (reused)"
              : String.format(
                  Locale.ROOT,
                  " (%.1f s cpu, %.1f s wall, %.0f iterations per test so far)",
                  neural.cpuSeconds / neural.tests,
                  neural.wallSeconds / neural.tests,
                  (double) neural.iterations / neural.tests));
      log.println(line);
      log.flush();
      if (neural.nullT.size() >= MIN_NULL_TOYS) {
        plot(out.resolve(plotName), methods);
        writeToys(out.resolve(toysName(plotName)), methods);
        boolean bootstrap = (i + 1) % BOOTSTRAP_EVERY == 0;
        partial.write(
            markdown(hyper, kernel.rank(), methods, signals, bounds, trace, started, bootstrap));
      }
    }
    plot(out.resolve(plotName), methods);
    writeToys(out.resolve(toysName(plotName)), methods);
    return markdown(hyper, kernel.rank(), methods, signals, bounds, trace, started, true);
  }

  /** Null toys below which a method's χ² calibration is not attempted. */
  static final int MIN_NULL_TOYS = 5;

  /** Per toy the two seeds of its window (Poisson count, simulator). */
  private static long[][] seeds(int toys, SplittableRandom random) {
    long[][] seeds = new long[toys][];
    for (int i = 0; i < toys; i++) {
      seeds[i] = new long[] {random.nextLong(), random.nextLong()};
    }
    return seeds;
  }

  /** The known-shape limit per signal, from samples independent of the toys. */
  private Map<Process, KnownShapeBound> bounds(Map<Process, Integer> signals) {
    Map<Process, KnownShapeBound> bounds = new LinkedHashMap<>();
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
    return bounds;
  }

  private String markdown(
      KernelHyperParameters hyper,
      int rank,
      List<Method> methods,
      Map<Process, Integer> signals,
      Map<Process, KnownShapeBound> bounds,
      List<String> trace,
      long started,
      boolean bootstrap) {
    NeuralNplmConfig nnConfig = settings.nnConfig();
    Method neural = methods.size() > 1 ? methods.get(1) : null;
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "Muon-like Drell–Yan (selection M12 > %.0f GeV%s) from `io.trigmon.simulation.Simulator`:"
                + " reference N_R = %d, windows N_D ~ Poisson(N(0) = %d) with the signal events"
                + " replacing background events (signals injected by count), no nuisances (the"
                + " muon-like scale uncertainties are 0.05 %% / 0.15 %%). Kernel σ = %.3f, M = %d"
                + " (%s, rank %d), λ = %.0e.",
            settings.massMin(),
            settings.massMin() < 91 ? ", Z peak included" : "",
            settings.nReference(),
            settings.nData(),
            hyper.sigma(),
            hyper.centres(),
            settings.centres() > 0 ? "--power-centres" : "⌈√N_R⌉",
            rank,
            hyper.lambda()));
    if (neural != null) {
      md.append(
          String.format(
              Locale.ROOT,
              " Neural: %s-1 sigmoid MLP, weight clipping %.2f, full batch, float64, loss and"
                  + " gradient by %s on %d thread(s), projected L-BFGS stopped when the loss fell"
                  + " by less than %s·|L| over the last %d iterations (i.e. τ = −2L moved by less"
                  + " than about %.2f at the mean null τ, against a null spread of t of"
                  + " √(2·dof) ≈ %.0f)%s, at most %d"
                  + " iterations (fits that reach the cap are counted below). Both methods test"
                  + " the same windows: the neural null calibration uses the first %d of the"
                  + " kernel's null windows, and it tests the first %d windows of each signal"
                  + " (%d, %d and %d done when this was written).",
              "5-"
                  + String.join(
                      "-", Arrays.stream(nnConfig.hidden()).mapToObj(Integer::toString).toList()),
              nnConfig.weightClip(),
              nnConfig.backend() == NeuralNplmConfig.Backend.JAVA
                  ? "the plain-Java backward pass (`JavaNplmLoss`, Vector API "
                      + (ForwardPasses.useVectorApi() ? "on" : "off")
                      + ")"
                  : "DJL autograd",
              nnConfig.backend() == NeuralNplmConfig.Backend.JAVA ? nnConfig.threads() : 0,
              nnConfig.relativeTolerance(),
              nnConfig.window(),
              nnConfig.relativeTolerance()
                  * neural.nullT.stream().mapToDouble(Double::doubleValue).average().orElse(0),
              Math.sqrt(2 * neural.fit().dof()),
              nnConfig.tolerance() > 0
                  ? String.format(
                      Locale.ROOT,
                      " or after %d iterations in a row each lowering it by less than %s",
                      NeuralNplmConfig.PATIENCE,
                      nnConfig.tolerance())
                  : "",
              nnConfig.maxIterations(),
              Math.min(settings.nnNullToys(), settings.nullToys()),
              Math.min(settings.nnSignalToys(), settings.signalToys()),
              neural.nullT.size(),
              neural.signalT.get(Process.ZPRIME).size(),
              neural.signalT.get(Process.EFT).size()));
    }
    md.append(
        String.format(
            Locale.ROOT, " Section 3 took %.0f s.%n%n", (System.nanoTime() - started) / 1e9));
    md.append(
        "| method | null toys | fitted dof | KS p | mean t | tests | CPU s/test | wall s/test |"
            + " iterations/test (min–max) | fits at the cap |\n");
    md.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (Method m : methods) {
      ChiSquareFit fit = m.fit();
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.1f | %.3f | %.1f | %s | %s |%n",
              m.name,
              m.nullT.size(),
              fit.dof(),
              fit.ksPValue(),
              m.nullT.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN),
              m.tests + (m.reused > 0 ? " (+ " + m.reused + " reused, `--power-nn-reuse`)" : ""),
              m.costCells()));
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
    Map<String, Map<Process, double[]>> rows = new LinkedHashMap<>();
    for (Method m : methods) {
      rows.put(m.name, m.z());
    }
    if (neural != null) {
      // the kernel's Z on exactly the windows the neural NPLM tested, for a paired comparison
      Map<Process, double[]> kernelZ = rows.get(methods.get(0).name);
      Map<Process, double[]> same = new LinkedHashMap<>();
      for (Process p : signals.keySet()) {
        int n = neural.signalT.get(p).size();
        if (n < kernelZ.get(p).length) {
          same.put(p, Arrays.copyOf(kernelZ.get(p), n));
        }
      }
      if (!same.isEmpty()) {
        rows.put("kernel, the neural's windows", same);
      }
    }
    for (Map.Entry<Process, Integer> signal : signals.entrySet()) {
      KnownShapeBound bound = bounds.get(signal.getKey());
      boolean zPrime = signal.getKey() == Process.ZPRIME;
      for (Map.Entry<String, Map<Process, double[]>> row : rows.entrySet()) {
        double[] z = row.getValue().get(signal.getKey());
        if (z == null || z.length == 0) {
          continue;
        }
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %d | %d | %s | %s | %s | %s | %.2f / %.2f / %.2f | %s |%n",
                signalLabel(signal.getKey()),
                signal.getValue(),
                z.length,
                row.getKey(),
                fractionText(z, 2),
                fractionText(z, 3),
                medianText(z),
                bound.p2(),
                bound.p3(),
                bound.medianZ(),
                zPrime ? "0.42 / 0.13" : "0.30 / 0.09"));
      }
    }
    if (neural != null) {
      md.append(pairedText(rows.get(methods.get(0).name), rows.get(neural.name), signals));
      md.append(calibrationShiftText(methods.get(0).nullT.size(), neural.nullT.size()));
      md.append(
          bootstrap
              ? bootstrapText(methods.get(0), neural, signals)
              : "\n(The bootstrap of the paired comparison is added every "
                  + BOOTSTRAP_EVERY
                  + " neural rounds and at the end.)\n");
    }
    md.append(
        "\nPublished kernel NPLM: Letizia et al., EPJC 82 (2022) 879, N(0) = 2·10⁴, N_R = 10⁵,"
            + " M = 2·10⁴ centres; their sample is not this simulator's (see"
            + " [power-investigation.md](power-investigation.md): with M12 > 100 GeV the Z′ sits"
            + " on ≈ 100 Drell–Yan events in its mass window, so even the known-shape test stays"
            + " near the published signal-agnostic figures).\n\n![Z side by side]("
            + plotName
            + ")\n");
    if (!trace.isEmpty()) {
      md.append(
          "\nConvergence of the neural τ fit on the first null window (progress every "
              + TRACE_EVERY
              + " L-BFGS iterations; τ = −2 L):\n\n```\n");
      trace.forEach(l -> md.append(l).append('\n'));
      md.append("```\n");
    }
    return md.toString();
  }

  /**
   * The paired comparison on the windows both methods tested: per window ΔZ = Z(kernel) −
   * Z(neural); its median with the order-statistic 68 % interval, in how many windows the kernel's
   * Z is at least the neural's (two-sided sign test), and the windows only one method puts at Z ≥ 2
   * (McNemar's discordant pairs). Pairing removes the window-to-window spread both share, so it
   * resolves differences the side-by-side fractions cannot.
   */
  static String pairedText(
      Map<Process, double[]> kernel, Map<Process, double[]> neural, Map<Process, Integer> signals) {
    StringBuilder md =
        new StringBuilder(
            "\nPaired, on the windows both methods tested (ΔZ = Z kernel − Z neural per window;"
                + " sign test two-sided; \"only kernel / only neural ≥ 2\" are the windows just"
                + " one method puts at Z ≥ 2):\n\n"
                + "| signal | windows | median ΔZ [68 %] | kernel ≥ neural | sign-test p |"
                + " only kernel / only neural ≥ 2 |\n"
                + "| --- | --- | --- | --- | --- | --- |\n");
    for (Process p : signals.keySet()) {
      double[] zn = neural.get(p);
      if (zn == null || zn.length == 0) {
        continue;
      }
      double[] zk = Arrays.copyOf(kernel.get(p), zn.length);
      double[] dz = new double[zn.length];
      int atLeast = 0;
      int onlyKernel = 0;
      int onlyNeural = 0;
      for (int i = 0; i < zn.length; i++) {
        dz[i] = zk[i] - zn[i];
        atLeast += dz[i] >= 0 ? 1 : 0;
        onlyKernel += zk[i] >= 2 && zn[i] < 2 ? 1 : 0;
        onlyNeural += zn[i] >= 2 && zk[i] < 2 ? 1 : 0;
      }
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %s | %d of %d | %.3f | %d / %d |%n",
              signalLabel(p),
              zn.length,
              medianText(dz),
              atLeast,
              zn.length,
              signTestP(atLeast, zn.length),
              onlyKernel,
              onlyNeural));
    }
    return md.toString();
  }

  /**
   * What pairing does not remove: each method's Z comes from its own null toys, whose finite number
   * shifts all of that method's Z together. Near the null's median a shift of the null's location
   * by its standard error (sd/√n) moves Z by about 1/√n; the two methods' shifts add in quadrature.
   */
  static String calibrationShiftText(int kernelNullToys, int neuralNullToys) {
    return String.format(
        Locale.ROOT,
        "%nNot removed by pairing: each method's Z comes from its own null toys, and their finite"
            + " number shifts all of that method's Z together by about 1/√(null toys) near the"
            + " median (kernel ±%.2f from %d toys, neural ±%.2f from %d): a median ΔZ within"
            + " ±%.2f of 0 is no difference at this calibration precision.%n",
        1 / Math.sqrt(kernelNullToys),
        kernelNullToys,
        1 / Math.sqrt(neuralNullToys),
        neuralNullToys,
        Math.sqrt(1.0 / kernelNullToys + 1.0 / neuralNullToys));
  }

  /**
   * The paired comparison with both calibrations' uncertainty in it ({@link PairedBootstrap}):
   * median ΔZ, its 95 % percentile-bootstrap interval and the fraction of replicas in which the
   * kernel is at least as good, per signal the neural NPLM tested.
   */
  private static String bootstrapText(Method kernel, Method neural, Map<Process, Integer> signals) {
    StringBuilder md =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%nWith that uncertainty in: bootstrap of the paired windows and of both methods'"
                    + " null toys together (%d replicas, each refitting both calibrations):%n%n"
                    + "| signal | windows | median ΔZ | 95 %% interval | replicas with median ΔZ ≥"
                    + " 0 |%n| --- | --- | --- | --- | --- |%n",
                PairedBootstrap.REPORT_REPLICAS));
    for (Process p : signals.keySet()) {
      double[] tn = values(neural.signalT.get(p));
      if (tn.length == 0 || neural.nullT.size() < 5) {
        continue;
      }
      PairedBootstrap b =
          PairedBootstrap.of(
              values(kernel.nullT),
              values(neural.nullT),
              values(kernel.signalT.get(p)),
              tn,
              PairedBootstrap.REPORT_REPLICAS,
              p.ordinal());
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.2f | [%.2f, %.2f] | %.2f |%n",
              signalLabel(p),
              tn.length,
              b.median(),
              b.low95(),
              b.high95(),
              b.atLeastZero()));
    }
    return md.toString();
  }

  private static double[] values(List<Double> list) {
    return list.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * CPU and wall seconds per test, iterations (min–max) and fits at the iteration cap ({@code cap}
   * {@link Integer#MAX_VALUE}: no cap), as four table cells; dashes where no test ran here (all
   * reused: their cost belongs to the run that fitted them).
   */
  static String costCells(
      int tests,
      double cpuSeconds,
      double wallSeconds,
      long iterations,
      int minIterations,
      int maxIterations,
      int cap,
      int capped) {
    if (tests == 0) {
      return "— | — | — | —";
    }
    return String.format(
        Locale.ROOT,
        "%.2f | %.2f | %.0f (%d–%d) | %s",
        cpuSeconds / tests,
        wallSeconds / tests,
        (double) iterations / tests,
        minIterations,
        maxIterations,
        cap == Integer.MAX_VALUE ? "—" : capped + " of " + tests);
  }

  /** The signal's name in the report's tables. */
  private static String signalLabel(Process signal) {
    return signal == Process.ZPRIME ? "Z′ (300 GeV)" : "EFT c_W = 1.5 TeV⁻²";
  }

  /** Two-sided sign-test p-value of k successes in n fair trials. */
  static double signTestP(int k, int n) {
    BinomialDistribution b = new BinomialDistribution(null, n, 0.5);
    double tail = Math.min(b.cumulativeProbability(k), 1 - b.cumulativeProbability(k - 1));
    return Math.min(1, 2 * tail);
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

  /** The per-window CSV written beside the plot {@code plotName}. */
  static String toysName(String plotName) {
    return plotName.replace("_z.png", "") + "-toys.csv";
  }

  /**
   * Every tested window, one line each: which sample (null, zprime, eft), its index (the same
   * window for every method), and per method t and Z (from that method's null toys; empty where the
   * method did not test the window), so a reader can redo the paired comparison.
   */
  private static void writeToys(Path file, List<Method> methods) throws IOException {
    StringBuilder csv = new StringBuilder("sample,window");
    for (Method m : methods) {
      csv.append(',').append(m.name).append("_t,").append(m.name).append("_z");
    }
    csv.append('\n');
    List<Map<Process, double[]>> z = methods.stream().map(Method::z).toList();
    int nulls = methods.get(0).nullT.size();
    for (int i = 0; i < nulls; i++) {
      csv.append("null,").append(i);
      for (Method m : methods) {
        csv.append(',').append(i < m.nullT.size() ? format(m.nullT.get(i)) : "").append(',');
      }
      csv.append('\n');
    }
    for (Process p : methods.get(0).signalT.keySet()) {
      for (int i = 0; i < methods.get(0).signalT.get(p).size(); i++) {
        csv.append(p.cliName()).append(',').append(i);
        for (int k = 0; k < methods.size(); k++) {
          List<Double> t = methods.get(k).signalT.get(p);
          csv.append(',')
              .append(i < t.size() ? format(t.get(i)) : "")
              .append(',')
              .append(i < t.size() ? format(z.get(k).get(p)[i]) : "");
        }
        csv.append('\n');
      }
    }
    Files.writeString(file, csv);
  }

  private static String format(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  private static void plot(Path file, List<Method> methods) throws IOException {
    XYChart chart = NplmStudy.chart("Z of signal toys, same windows", "Z", "density");
    for (Method m : methods) {
      for (Map.Entry<Process, double[]> e : m.z().entrySet()) {
        if (e.getValue().length == 0) {
          continue;
        }
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

  private double[][] window(Process signal, int count, long[] seeds) {
    int n =
        new PoissonDistribution(
                new Well19937c(seeds[0]),
                settings.nData(),
                PoissonDistribution.DEFAULT_EPSILON,
                10_000_000)
            .sample();
    return features(
        simulator(
            Process.DY, signal == null ? null : SignalInjection.count(signal, count), seeds[1]),
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
