package io.trigmon.cli;

import io.trigmon.calibration.ChiSquareFit;
import io.trigmon.nplm.KernelHyperParameters;
import io.trigmon.nplm.KernelNplm;
import io.trigmon.nplm.NplmOptions;
import io.trigmon.nplm.NplmResult;
import io.trigmon.nplm.WindowTest;
import io.trigmon.nplm.neural.NeuralNplm;
import io.trigmon.nplm.neural.NeuralReference;
import io.trigmon.nuisance.NuisanceModel;
import io.trigmon.nuisance.NuisanceTerms;
import io.trigmon.simulation.NuisanceShifts;
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
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The NPLM validation report of issue 3 ({@code reports/nplm/README.md}), all on the event
 * simulator and in one run: (1) null calibration of the kernel NPLM with a learned δ̂ model and (2)
 * invariance of t under generated lepton-scale shifts ν* = ±1σ with and without it ({@link
 * InvarianceStudy}, tau-like Drell–Yan), (3) power on the Z′ and EFT signals at the benchmark size,
 * kernel and neural NPLM on the same windows ({@link SimulatorPowerStudy}), (4) seconds per test of
 * both at the benchmark size, with the δ̂ model of (1).
 */
final class NplmStudy {

  /** Study settings; {@code command} is the command line that reproduces them. */
  record Settings(
      InvarianceStudy.Settings invariance,
      SimulatorPowerStudy.Settings power,
      int speedReference,
      int speedData,
      long seed,
      String command) {}

  private final Settings settings;
  private final PrintWriter log;

  NplmStudy(Settings settings, PrintWriter log) {
    this.settings = settings;
    this.log = log;
  }

  Path run(Path out) throws IOException {
    System.setProperty("java.awt.headless", "true");
    Files.createDirectories(out);
    long started = System.nanoTime();
    long t0 = System.nanoTime();
    InvarianceStudy.Result invariance = new InvarianceStudy(settings.invariance(), log).run();
    double invarianceSeconds = (System.nanoTime() - t0) / 1e9;
    plotNull(
        out.resolve("null_t.png"),
        invariance.nominal().withDelta(),
        invariance.calibration().fit());
    plotInvariance(out.resolve("invariance.png"), invariance);
    log.printf(Locale.ROOT, "sections 1-2 done in %.0f s%n", invarianceSeconds);
    log.flush();
    String sections12 = InvarianceStudy.markdown(invariance);
    Path report = out.resolve("README.md");
    String pending =
        "Not finished when this file was written (the run writes the report after each stage;"
            + " a run stopped before the end leaves this).\n";
    write(report, started, sections12, pending, pending, "sections 3–4 not finished");
    Speed[] speed = speed(invariance.delta(), new SplittableRandom(settings.seed() + 4));
    StringBuilder md = new StringBuilder();
    speedMarkdown(md, speed);
    write(report, started, sections12, pending, md.toString(), "section 3 not finished");
    String speedMd = md.toString();
    String power =
        new SimulatorPowerStudy(settings.power(), log)
            .run(
                out,
                "power_z.png",
                partial ->
                    write(report, started, sections12, partial, speedMd, "section 3 not finished"));
    write(report, started, sections12, power, speedMd, null);
    return report;
  }

  /**
   * Section 3 alone ({@code validate nplm --only power}): writes {@code power-neural.md}, {@code
   * power-neural_z.png} and the per-window {@code power-neural-toys.csv} into {@code out} ({@code
   * power-neural-zpeak*} with the Z peak in, {@code *-M<centres>} with {@code --power-centres}),
   * the Markdown again after every neural round.
   */
  Path runPower(Path out) throws IOException {
    Files.createDirectories(out);
    long started = System.nanoTime();
    double loadAtStart = loadAverage();
    // DESIGN §3's selection and the protocol's M keep the plain names; other runs get their own
    SimulatorPowerStudy.Settings study = settings.power();
    String stem =
        "power-neural"
            + (study.massMin() < 91 ? "-zpeak" : "")
            + (study.centres() > 0 ? "-M" + study.centres() : "");
    Path report = out.resolve(stem + ".md");
    String power =
        new SimulatorPowerStudy(settings.power(), log)
            .run(
                out,
                stem + "_z.png",
                partial -> writePower(report, started, loadAtStart, partial, true));
    writePower(report, started, loadAtStart, power, false);
    return report;
  }

  private void writePower(
      Path report, long started, double loadAtStart, String power, boolean partial)
      throws IOException {
    String md =
        "# NPLM power on the simulator: kernel vs neural NPLM on the same windows\n\n"
            + String.format(
                Locale.ROOT,
                "Section 3 of [README.md](README.md) run alone, with more neural toys. Generated by"
                    + " `%s` on %s in %.0f s (%d cores, 1-minute load average %.2f at the start,"
                    + " %.2f at the end; the machine was shared with other jobs, so wall times are"
                    + " inflated and CPU seconds are the measure)%s.%n%n",
                settings.command(),
                Instant.now(),
                (System.nanoTime() - started) / 1e9,
                Runtime.getRuntime().availableProcessors(),
                loadAtStart,
                loadAverage(),
                partial ? " — **partial: written after each neural round, run not finished**" : "")
            + power;
    Files.writeString(report, md);
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /** Writes the report; {@code partial} says what is missing (null when complete). */
  private void write(
      Path report, long started, String sections12, String power, String speed, String partial)
      throws IOException {
    StringBuilder md =
        new StringBuilder("# NPLM validation: kernel and neural NPLM on the event simulator\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Generated by `%s` on %s in %.0f s (%d cores, 1-minute load average %.2f at the"
                + " end)%s.%n%n",
            settings.command(),
            Instant.now(),
            (System.nanoTime() - started) / 1e9,
            Runtime.getRuntime().availableProcessors(),
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
            partial == null ? "" : " — **partial report: " + partial + "**"));
    md.append(sections12);
    md.append("## 3. Power: kernel vs neural NPLM on the same windows\n\n");
    md.append(power);
    md.append("\n## 4. Speed\n\n");
    md.append(speed);
    Files.writeString(report, md.toString());
  }

  /** One speed row. */
  private record Speed(
      String method, String model, double prepare, double wall, double cpu, double iterations) {}

  /**
   * Seconds per test at the benchmark size on tau-like Drell–Yan: the kernel NPLM without nuisances
   * and with the δ̂ model (scale) and the normalisation nuisance, each the mean of 3 tests after a
   * warm-up test, and one neural NPLM test with the same nuisances. A test with δ̂ includes
   * evaluating δ̂ on the window.
   */
  private Speed[] speed(NuisanceModel delta, SplittableRandom random) {
    double[][] reference =
        DemoModels.dileptons(random.nextLong(), settings.speedReference(), NuisanceShifts.NOMINAL);
    List<Speed> rows = new ArrayList<>();
    for (int centres : speedCentres()) {
      KernelHyperParameters hyper = KernelNplm.protocol(reference, centres, settings.seed());
      rows.add(kernelSpeed(reference, delta, hyper, false, random));
      rows.add(kernelSpeed(reference, delta, hyper, true, random));
    }
    SimulatorPowerStudy.Settings p = settings.power();
    if (p.neural()) {
      NeuralReference neural =
          new NeuralReference(
              reference, delta.evaluate(reference), new NeuralNplm(p.nnConfig(), line -> {}));
      double[][] data =
          DemoModels.dileptons(random.nextLong(), settings.speedData(), NuisanceShifts.NOMINAL);
      long wall0 = System.nanoTime();
      long cpu0 = processCpuNanos();
      NplmResult r = timedTest(neural, delta, true, data);
      double wall = (System.nanoTime() - wall0) / 1e9;
      double cpu = (processCpuNanos() - cpu0) / 1e9;
      rows.add(
          new Speed(
              "neural, with δ̂ scale + normalisation (one test)",
              "5-5-5-5-1",
              0,
              wall,
              cpu,
              r.iterations()));
      log.printf(Locale.ROOT, "speed neural: %.1f s wall, %.1f s cpu per test%n", wall, cpu);
      log.flush();
    }
    return rows.toArray(Speed[]::new);
  }

  /** The kernel's M in the speed section: the protocol's ⌈√N_R⌉, and section 3's if it differs. */
  private List<Integer> speedCentres() {
    int power = settings.power().centres();
    return power > 0 ? List.of(0, power) : List.of(0);
  }

  /** Mean seconds of 3 kernel tests after a warm-up test, with or without the nuisances. */
  private Speed kernelSpeed(
      double[][] reference,
      NuisanceModel delta,
      KernelHyperParameters hyper,
      boolean nuisances,
      SplittableRandom random) {
    KernelNplm nplm =
        nuisances
            ? KernelNplm.prepare(reference, delta, hyper)
            : KernelNplm.prepare(reference, NuisanceTerms.none(), hyper);
    int repeats = 3;
    double wall = 0;
    double cpu = 0;
    double iterations = 0;
    for (int i = 0; i < repeats + 1; i++) {
      double[][] data =
          DemoModels.dileptons(random.nextLong(), settings.speedData(), NuisanceShifts.NOMINAL);
      long wall0 = System.nanoTime();
      long cpu0 = processCpuNanos();
      NplmResult r = timedTest(nplm, delta, nuisances, data);
      if (i > 0) { // the first test warms up the JIT
        wall += (System.nanoTime() - wall0) / 1e9 / repeats;
        cpu += (processCpuNanos() - cpu0) / 1e9 / repeats;
        iterations += (double) r.iterations() / repeats;
      }
    }
    Speed speed =
        new Speed(
            nuisances ? "kernel, with δ̂ scale + normalisation" : "kernel, without nuisances",
            String.format(Locale.ROOT, "M = %d, rank %d", hyper.centres(), nplm.rank()),
            nplm.prepareSeconds(),
            wall,
            cpu,
            iterations);
    log.printf(
        Locale.ROOT,
        "speed %s (%s): %.2f s wall, %.2f s cpu per test%n",
        speed.method(),
        speed.model(),
        wall,
        cpu);
    log.flush();
    return speed;
  }

  private NplmResult timedTest(
      WindowTest test, NuisanceModel delta, boolean nuisances, double[][] data) {
    NplmOptions options = NplmOptions.expected(settings.speedData());
    if (!nuisances) {
      return test.test(data, NuisanceTerms.none(), options);
    }
    return test.test(
        data,
        delta.evaluate(data),
        options
            .withNormSigma(NplmOptions.DEFAULT_NORM_SIGMA)
            .withAux(Map.of(DemoModels.SCALE, 0.0, NplmOptions.NORM, 0.0)));
  }

  private void speedMarkdown(StringBuilder md, Speed[] rows) {
    md.append(
        String.format(
            Locale.ROOT,
            "Tau-like Drell–Yan, N_R = %d, N_D = %d, the δ̂ model of section 1; one test = τ fit +"
                + " Δ fit (+ evaluating δ̂ on the window); kernel: mean of 3 tests after a warm-up"
                + " test; neural: one test, the L-BFGS settings of section 3. Wall and process CPU"
                + " seconds: the machine is shared, so CPU/2 approximates the kernel's wall time on"
                + " an idle 2-core machine (its passes use both cores) and CPU/%d the neural's"
                + " (--nn-threads %d).%n%n",
            settings.speedReference(),
            settings.speedData(),
            settings.power().nnThreads(),
            settings.power().nnThreads()));
    md.append(
        "| method | model | prepare (s, once per reference) | wall s/test | CPU s/test |"
            + " iterations |\n| --- | --- | --- | --- | --- | --- |\n");
    for (Speed r : rows) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %.2f | %.2f | %.0f |%n",
              r.method(),
              r.model(),
              r.prepare() > 0 ? String.format(Locale.ROOT, "%.1f", r.prepare()) : "—",
              r.wall(),
              r.cpu(),
              r.iterations()));
    }
    Speed neural = rows[rows.length - 1];
    if (neural.method().startsWith("neural")) {
      int cap = settings.power().nnMaxIterations();
      StringBuilder ratios = new StringBuilder();
      for (Speed r : rows) {
        if (r.method().startsWith("kernel, with")) {
          ratios.append(ratios.length() > 0 ? ", " : "");
          ratios.append(
              String.format(Locale.ROOT, "%.0f× (%s)", neural.cpu() / r.cpu(), r.model()));
        }
      }
      md.append(
          String.format(
              Locale.ROOT,
              "%nNeural / kernel with nuisances: %s in CPU time per test (%.0f ms CPU per"
                  + " L-BFGS iteration of the neural fit over %d events)%s. The neural tests of"
                  + " section 3 (no nuisances, muon-like) give the same comparison over many"
                  + " windows.%n",
              ratios,
              1000 * neural.cpu() / neural.iterations(),
              settings.speedReference() + settings.speedData(),
              neural.iterations() >= cap
                  ? String.format(
                      Locale.ROOT,
                      "; its τ fit stopped at the iteration cap (--nn-max-iterations %d), not on"
                          + " the loss criterion, so a converged neural test costs more than this",
                      cap)
                  : ""));
    }
    md.append(
        "\nIterations: Newton iterations of the τ and Δ fits (kernel), L-BFGS iterations of both"
            + " fits (neural). Goal (issue 3): ≤ 5 s per kernel test with nuisances on this"
            + " machine. Published (Letizia et al. 2022, Table 1): kernel 44.9 ± 3.4 s per test on"
            + " two GPUs, neural 4.23 ± 0.73 h on CPU.\n");
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  static double median(double[] x) {
    double[] s = x.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
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

  private static void plotInvariance(Path file, InvarianceStudy.Result r) throws IOException {
    XYChart chart = chart("t under ν* shifts, with and without δ̂", "t", "density");
    addHistogram(chart, "ν*=0 with δ̂", r.nominal().withDelta(), 25);
    addHistogram(chart, "ν*=+1 with δ̂", r.plus().withDelta(), 25);
    addHistogram(chart, "ν*=−1 with δ̂", r.minus().withDelta(), 25);
    addHistogram(chart, "ν*=0 no δ̂", r.nominal().withoutDelta(), 25);
    addHistogram(chart, "ν*=+1 no δ̂", r.plus().withoutDelta(), 25);
    addHistogram(chart, "ν*=−1 no δ̂", r.minus().withoutDelta(), 25);
    BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
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
