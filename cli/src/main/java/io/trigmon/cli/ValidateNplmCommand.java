package io.trigmon.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trigmon validate nplm}: the NPLM study of issue 3 ({@link NplmStudy}). */
@Command(
    name = "nplm",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "NPLM validation study: null calibration, nuisance invariance, power and speed of the kernel"
          + " NPLM; writes README.md and PNG plots into --out.",
      "The full study (--n-reference 100000 --n-data 20000 --toys 300) takes hours on two cores;"
          + " the defaults are a smaller, labelled version."
    },
    footer = {
      "",
      "Examples:",
      "  ./trigmon validate nplm --out reports/nplm",
      "  ./trigmon validate nplm --simulator-power --power-null-toys 60 --power-signal-toys 30",
      "  ./trigmon validate nplm --simulator-power --neural --mass-min 60 --power-reference 20000 \\",
      "      --power-data 4000 --zprime-signal 13 --eft-signal 24",
      "  ./trigmon validate nplm --speed-only --neural",
      "  ./trigmon validate nplm --n-reference 100000 --n-data 20000 --toys 300 --out reports/nplm"
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
      defaultValue = "20000",
      paramLabel = "N",
      description = "Reference events N_R of the toy studies (default: ${DEFAULT-VALUE}).")
  int nReference;

  @Option(
      names = "--n-data",
      defaultValue = "4000",
      paramLabel = "N",
      description = "Expected data events N(R0) of the toy studies (default: ${DEFAULT-VALUE}).")
  int nData;

  @Option(
      names = "--toys",
      defaultValue = "300",
      paramLabel = "N",
      description = "Null toys at ν* = 0 (default: ${DEFAULT-VALUE}).")
  int toys;

  @Option(
      names = "--shifted-toys",
      defaultValue = "100",
      paramLabel = "N",
      description =
          "Toys at each of ν* = ±1σ, and signal toys per signal (default: ${DEFAULT-VALUE}).")
  int shiftedToys;

  @Option(
      names = "--scale-sigma",
      defaultValue = "0.03",
      paramLabel = "S",
      description = "σ of the momentum scale nuisance (default: ${DEFAULT-VALUE}, tau-like).")
  double scaleSigma;

  @Option(
      names = "--speed-reference",
      defaultValue = "100000",
      paramLabel = "N",
      description = "N_R of the speed measurement (default: ${DEFAULT-VALUE}).")
  int speedReference;

  @Option(
      names = "--speed-data",
      defaultValue = "20000",
      paramLabel = "N",
      description = "N_D of the speed measurement (default: ${DEFAULT-VALUE}).")
  int speedData;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "SEED",
      description = "Seed of the whole study (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--simulator-power",
      description = "Run only the power study on the simulator's signals (simulator-power.md).")
  boolean simulatorPower;

  @Option(
      names = "--power-reference",
      defaultValue = "100000",
      paramLabel = "N",
      description = "N_R of the simulator power study (default: ${DEFAULT-VALUE}).")
  int powerReference;

  @Option(
      names = "--power-data",
      defaultValue = "20000",
      paramLabel = "N",
      description = "N(0) of the simulator power study (default: ${DEFAULT-VALUE}).")
  int powerData;

  @Option(
      names = "--power-null-toys",
      defaultValue = "100",
      paramLabel = "N",
      description = "Null toys of the simulator power study (default: ${DEFAULT-VALUE}).")
  int powerNullToys;

  @Option(
      names = "--power-signal-toys",
      defaultValue = "100",
      paramLabel = "N",
      description = "Toys per signal of the simulator power study (default: ${DEFAULT-VALUE}).")
  int powerSignalToys;

  @Option(
      names = "--power-centres",
      defaultValue = "0",
      paramLabel = "M",
      description = "Nyström centres of the simulator power study (default: ⌈√N_R⌉).")
  int powerCentres;

  @Option(
      names = "--power-percentile",
      defaultValue = "90",
      paramLabel = "P",
      description = "Percentile of pairwise distances setting σ (default: ${DEFAULT-VALUE}).")
  double powerPercentile;

  @Option(
      names = "--mass-min",
      defaultValue = "100",
      paramLabel = "GEV",
      description =
          "Simulator power study: dilepton selection M12 > GEV (default: ${DEFAULT-VALUE}, DESIGN"
              + " §3; 60 keeps the Z peak in).")
  double massMin;

  @Option(
      names = "--zprime-signal",
      defaultValue = "30",
      paramLabel = "N",
      description = "Simulator power study: Z′ events per window N(S) (default: ${DEFAULT-VALUE}).")
  int zPrimeSignal;

  @Option(
      names = "--eft-signal",
      defaultValue = "53",
      paramLabel = "N",
      description =
          "Simulator power study: EFT events per window N(S) (default: ${DEFAULT-VALUE}).")
  int eftSignal;

  @Option(
      names = "--neural",
      description =
          "Also run the neural NPLM on the same toys, side by side with the kernel one (simulator"
              + " power study, or the speed section with --speed-only).")
  boolean neural;

  @Option(
      names = "--nn-tolerance",
      defaultValue = "1e-4",
      paramLabel = "L",
      description =
          "Neural NPLM: stop after 10 L-BFGS iterations in a row lowering the loss by less than L"
              + " (default: ${DEFAULT-VALUE}).")
  double nnTolerance;

  @Option(
      names = "--nn-max-iterations",
      defaultValue = "3000",
      paramLabel = "N",
      description = "Neural NPLM: L-BFGS iterations at most (default: ${DEFAULT-VALUE}).")
  int nnMaxIterations;

  @Option(
      names = "--speed-only",
      description =
          "Run only the speed section at --speed-reference/--speed-data (speed.md); with --neural"
              + " the neural NPLM is timed in the same run.")
  boolean speedOnly;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (simulatorPower) {
      Path file =
          new SimulatorPowerStudy(
                  new SimulatorPowerStudy.Settings(
                      powerReference,
                      powerData,
                      powerNullToys,
                      powerSignalToys,
                      powerCentres,
                      powerPercentile,
                      seed,
                      massMin,
                      zPrimeSignal,
                      eftSignal,
                      neural,
                      nnTolerance,
                      nnMaxIterations),
                  spec.commandLine().getErr())
              .run(out);
      spec.commandLine().getOut().println("report written to " + file);
      return 0;
    }
    NplmStudy.Settings settings =
        new NplmStudy.Settings(
            nReference,
            nData,
            toys,
            shiftedToys,
            scaleSigma,
            speedReference,
            speedData,
            seed,
            neural,
            nnTolerance,
            nnMaxIterations);
    NplmStudy study = new NplmStudy(settings, spec.commandLine().getErr());
    Path report = speedOnly ? study.runSpeed(out) : study.run(out);
    spec.commandLine().getOut().println("report written to " + report);
    return 0;
  }
}
