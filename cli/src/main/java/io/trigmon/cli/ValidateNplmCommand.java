package io.trigmon.cli;

import io.trigmon.nplm.neural.NeuralNplmConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trigmon validate nplm}: the NPLM report of issue 3 ({@link NplmStudy}), all four sections
 * in one run. The defaults are the flag set of the committed report.
 */
@Command(
    name = "nplm",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "NPLM validation study on the event simulator: (1) null calibration and (2) nuisance"
          + " invariance of the kernel NPLM with a δ̂ model learned in the run (tau-like"
          + " Drell–Yan), (3) power on the Z′ and EFT signals at the benchmark size, kernel and"
          + " neural NPLM on the same windows, (4) seconds per test of both; writes README.md and"
          + " PNG plots into --out.",
      "With the defaults it takes about an hour on two shared cores (mostly the neural tests)."
    },
    footer = {
      "",
      "Examples:",
      "  ./trigmon validate nplm",
      "  ./trigmon validate nplm --toys 60 --shifted-toys 20 --power-null-toys 10"
          + " --power-nn-null-toys 5 --power-signal-toys 5 --power-nn-signal-toys 2 --out /tmp/nplm",
      "  ./trigmon validate nplm --only power --power-nn-null-toys 30 --power-nn-signal-toys 20"
    })
public final class ValidateNplmCommand implements Callable<Integer> {

  @Option(
      names = "--out",
      defaultValue = "reports/nplm",
      paramLabel = "DIR",
      description = "Report directory (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--n-reference",
      defaultValue = "10000",
      paramLabel = "N",
      description = "Sections 1-2: reference events N_R (default: ${DEFAULT-VALUE}).")
  int nReference;

  @Option(
      names = "--window-events",
      defaultValue = "500",
      paramLabel = "N",
      description =
          "Sections 1-2: expected window events N(R0) (default: ${DEFAULT-VALUE}, the window of"
              + " the calibration-drift IT).")
  int windowEvents;

  @Option(
      names = "--toys",
      defaultValue = "300",
      paramLabel = "N",
      description = "Sections 1-2: null toys at ν* = 0 (default: ${DEFAULT-VALUE}).")
  int toys;

  @Option(
      names = "--shifted-toys",
      defaultValue = "100",
      paramLabel = "N",
      description = "Sections 1-2: toys at each of ν* = ±1σ (default: ${DEFAULT-VALUE}).")
  int shiftedToys;

  @Option(
      names = "--delta-nominal",
      defaultValue = "80000",
      paramLabel = "N",
      description =
          "Sections 1-2: nominal events the δ̂ model learns from (default: ${DEFAULT-VALUE}).")
  int deltaNominal;

  @Option(
      names = "--delta-varied",
      defaultValue = "60000",
      paramLabel = "N",
      description =
          "Sections 1-2: events at each of ν = ±1, ±2 the δ̂ model learns from (default:"
              + " ${DEFAULT-VALUE}).")
  int deltaVaried;

  @Option(
      names = "--power-reference",
      defaultValue = "100000",
      paramLabel = "N",
      description = "Section 3: N_R (default: ${DEFAULT-VALUE}).")
  int powerReference;

  @Option(
      names = "--power-data",
      defaultValue = "20000",
      paramLabel = "N",
      description = "Section 3: N(0) (default: ${DEFAULT-VALUE}).")
  int powerData;

  @Option(
      names = "--power-null-toys",
      defaultValue = "40",
      paramLabel = "N",
      description = "Section 3: null toys of the kernel NPLM (default: ${DEFAULT-VALUE}).")
  int powerNullToys;

  @Option(
      names = "--power-centres",
      defaultValue = "0",
      paramLabel = "M",
      description =
          "Section 3: Nyström centres M of the kernel NPLM (default: 0 = ⌈√N_R⌉, the protocol's"
              + " minimum; the published kernel NPLM uses M ≫ √N_R).")
  int powerCentres;

  @Option(
      names = "--power-nn-null-toys",
      defaultValue = "5",
      paramLabel = "N",
      description =
          "Section 3: null toys of the neural NPLM, the first N of the kernel's (default:"
              + " ${DEFAULT-VALUE}).")
  int powerNnNullToys;

  @Option(
      names = "--power-signal-toys",
      defaultValue = "20",
      paramLabel = "N",
      description =
          "Section 3: toys per signal, each tested by both methods (default: ${DEFAULT-VALUE}).")
  int powerSignalToys;

  @Option(
      names = "--power-nn-signal-toys",
      defaultValue = "2",
      paramLabel = "N",
      description =
          "Section 3: toys per signal of the neural NPLM, the first N of the kernel's (default:"
              + " ${DEFAULT-VALUE}).")
  int powerNnSignalToys;

  @Option(
      names = "--mass-min",
      defaultValue = "100",
      paramLabel = "GEV",
      description =
          "Section 3: dilepton selection M12 > GEV (default: ${DEFAULT-VALUE}, DESIGN §3; 60 keeps"
              + " the Z peak in).")
  double massMin;

  @Option(
      names = "--zprime-signal",
      defaultValue = "30",
      paramLabel = "N",
      description = "Section 3: Z′ events per window N(S) (default: ${DEFAULT-VALUE}).")
  int zPrimeSignal;

  @Option(
      names = "--eft-signal",
      defaultValue = "53",
      paramLabel = "N",
      description = "Section 3: EFT events per window N(S) (default: ${DEFAULT-VALUE}).")
  int eftSignal;

  @Option(
      names = "--no-neural",
      description = "Sections 3-4 without the neural NPLM (kernel only).")
  boolean noNeural;

  @Option(
      names = "--nn-tolerance",
      defaultValue = "0",
      paramLabel = "L",
      description =
          "Neural NPLM: also stop after 10 L-BFGS iterations in a row each lowering the loss by"
              + " less than L (default: ${DEFAULT-VALUE}, off).")
  double nnTolerance;

  @Option(
      names = "--nn-window",
      defaultValue = "500",
      paramLabel = "N",
      description =
          "Neural NPLM: stop when the loss fell by less than --nn-relative-tolerance × |L| over"
              + " the last N L-BFGS iterations (default: ${DEFAULT-VALUE}).")
  int nnWindow;

  @Option(
      names = "--nn-relative-tolerance",
      defaultValue = "1e-3",
      paramLabel = "R",
      description = "Neural NPLM: see --nn-window (default: ${DEFAULT-VALUE}).")
  double nnRelativeTolerance;

  @Option(
      names = "--nn-max-iterations",
      defaultValue = "10000",
      paramLabel = "N",
      description = "Neural NPLM: L-BFGS iterations at most (default: ${DEFAULT-VALUE}).")
  int nnMaxIterations;

  @Option(
      names = "--nn-backend",
      defaultValue = "JAVA",
      paramLabel = "B",
      description =
          "Neural NPLM: what computes the loss and its gradient, JAVA (hand-written backward"
              + " pass, ≈ 3× less CPU) or DJL (autograd) (default: ${DEFAULT-VALUE}).")
  NeuralNplmConfig.Backend nnBackend;

  @Option(
      names = "--nn-threads",
      defaultValue = "1",
      paramLabel = "N",
      description =
          "Neural NPLM: threads of the JAVA backend (DJL's: JAVA_OPTS=-Dai.djl.pytorch.num_threads)"
              + " (default: ${DEFAULT-VALUE}).")
  int nnThreads;

  @Option(
      names = "--power-nn-reuse",
      paramLabel = "CSV",
      description =
          "Section 3: take the neural t of windows a previous run already tested from its"
              + " power-*-toys.csv (run with the same flags) instead of fitting them again; each"
              + " reused window is checked by its kernel t, which must match this run's.")
  Path powerNnReuse;

  @Option(
      names = "--only",
      paramLabel = "SECTION",
      description =
          "Run one section alone: 'power' runs section 3 (with the section-3 flags) and writes"
              + " power-neural.md, power-neural_z.png and power-neural-toys.csv (power-neural-zpeak* with --mass-min below the Z peak, *-M<M> with --power-centres) into --out, leaving README.md as it is.")
  String only;

  @Option(
      names = "--speed-reference",
      defaultValue = "100000",
      paramLabel = "N",
      description = "Section 4: N_R (default: ${DEFAULT-VALUE}).")
  int speedReference;

  @Option(
      names = "--speed-data",
      defaultValue = "20000",
      paramLabel = "N",
      description = "Section 4: N_D (default: ${DEFAULT-VALUE}).")
  int speedData;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "SEED",
      description = "Seed of the whole study (default: ${DEFAULT-VALUE}).")
  long seed;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (toys < 5 || powerNullToys < 5 || (!noNeural && powerNnNullToys < 5)) {
      throw new UserException(
          "--toys, --power-null-toys and --power-nn-null-toys must be at least 5 (a χ² fit)");
    }
    NplmStudy.Settings settings =
        new NplmStudy.Settings(
            new InvarianceStudy.Settings(
                nReference, windowEvents, toys, shiftedToys, deltaNominal, deltaVaried, seed),
            new SimulatorPowerStudy.Settings(
                powerReference,
                powerData,
                powerNullToys,
                powerNnNullToys,
                powerSignalToys,
                powerNnSignalToys,
                powerCentres,
                seed,
                massMin,
                zPrimeSignal,
                eftSignal,
                !noNeural,
                nnTolerance,
                nnMaxIterations,
                nnWindow,
                nnRelativeTolerance,
                nnBackend,
                nnThreads,
                powerNnReuse),
            speedReference,
            speedData,
            seed,
            commandLine());
    if (only != null && !only.equals("power")) {
      throw new UserException("--only: the one section that runs alone is 'power', not " + only);
    }
    NplmStudy study = new NplmStudy(settings, spec.commandLine().getErr());
    Path report = only == null ? study.run(out) : study.runPower(out);
    spec.commandLine().getOut().println("report written to " + report);
    return 0;
  }

  /** The command with every option's value except --out: what reproduces the report. */
  private String commandLine() {
    StringBuilder line = new StringBuilder("./trigmon validate nplm");
    for (CommandLine.Model.OptionSpec option : spec.options()) {
      String name = option.longestName();
      if (option.usageHelp() || option.versionHelp() || name.equals("--out")) {
        continue;
      }
      if (option.getValue() == null) {
        continue;
      }
      if (option.arity().max() == 0) {
        if (Boolean.TRUE.equals(option.getValue())) {
          line.append(' ').append(name);
        }
      } else {
        line.append(' ')
            .append(name)
            .append(' ')
            .append(String.valueOf((Object) option.getValue()));
      }
    }
    return line.toString();
  }
}
