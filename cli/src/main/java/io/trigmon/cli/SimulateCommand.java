package io.trigmon.cli;

import io.trigmon.event.DileptonFeatures;
import io.trigmon.event.Event;
import io.trigmon.io.EventFiles;
import io.trigmon.io.EventWriter;
import io.trigmon.io.FileFormat;
import io.trigmon.io.RecordedFileException;
import io.trigmon.simulation.DileptonMassSpectrum;
import io.trigmon.simulation.NuisanceShifts;
import io.trigmon.simulation.Process;
import io.trigmon.simulation.Regime;
import io.trigmon.simulation.SignalInjection;
import io.trigmon.simulation.Simulator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.DoubleStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trigmon simulate}: writes a seed-reproducible simulated sample to a recorded file (.csv or
 * .h5, by extension) and prints the numbers a physicist checks it by.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Simulate collision-like events (DESIGN §3) and write them to a file.",
      "The layout follows the extension: .csv holds the 5 NPLM features (pt1,pt2,eta1,eta2,dphi);",
      ".h5 holds whole events in the 40 MHz challenge layout, or the 5 features in the NPLM dimuon",
      "layout with --layout dimuon. Same seed, same options: the same events."
    },
    footer = {
      "",
      "Processes: dy, sm, zprime, eft, four-lepton, large-met.",
      "Regimes:   muon-like (default), electron-like, tau-like.",
      "Shifts (in σ): scale-barrel, scale-endcap, scale (both), jes, norm.",
      "",
      "Examples:",
      "  ./trigmon simulate --process dy --events 100000 --seed 1 --out /tmp/dy.csv",
      "  ./trigmon simulate --process dy --events 20000 --seed 2 --signal zprime:30 --out /tmp/d.csv",
      "  ./trigmon simulate --process zprime --events 10000 --seed 3 --out /tmp/zp.csv",
      "  ./trigmon simulate --process dy --regime tau-like --shift scale=1 --events 100000 \\",
      "      --seed 4 --out /tmp/dy-up.csv",
      "  ./trigmon simulate --process sm --events 100000 --seed 5 --out /tmp/sm.h5"
    })
final class SimulateCommand implements Callable<Integer> {

  /** Fewer lepton pairs than this make a mode or a slope meaningless: no summary. */
  private static final int MIN_PAIRS_FOR_SUMMARY = 100;

  @Spec CommandSpec spec;

  @Option(
      names = "--process",
      required = true,
      description = "What to generate: dy, sm, zprime, eft, four-lepton, large-met.")
  String process;

  @Option(names = "--events", required = true, description = "Number of events to write.")
  long events;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", required = true, description = "Output file: .csv, .h5 or .hdf5.")
  Path out;

  @Option(
      names = "--regime",
      defaultValue = "muon-like",
      description = "Lepton flavour and scale uncertainties: muon-like, electron-like, tau-like.")
  String regime;

  @Option(
      names = "--shift",
      description = "Nuisance shifts in σ, e.g. scale-barrel=1,jes=-0.5 (default: nominal).")
  String shift;

  @Option(
      names = "--signal",
      description = "Inject a signal: PROCESS:COUNT or PROCESS:FRACTION, e.g. zprime:30.")
  String signal;

  @Option(names = "--no-mass-cut", description = "Dilepton processes: drop the M12 > 100 GeV cut.")
  boolean noMassCut;

  @Option(names = "--zprime-mass", description = "Z′ mass in GeV (default 300).")
  Double zPrimeMass;

  @Option(names = "--zprime-width", description = "Z′ width in GeV (default 15).")
  Double zPrimeWidth;

  @Option(names = "--eft-coupling", description = "EFT c_W in TeV⁻² (default 1.5).")
  Double eftCoupling;

  @Option(names = "--start", description = "Event time of the first event, ISO-8601.")
  Instant start;

  @Option(names = "--rate", description = "Event rate in Hz that event times advance at.")
  Double rate;

  @Option(names = "--stream", description = "Stream (trigger path) key of the events.")
  String stream;

  @Option(
      names = "--layout",
      description = "Force the file layout: csv, challenge (whole events, .h5) or dimuon (.h5).")
  String layout;

  @Override
  public Integer call() {
    if (events <= 0) {
      throw new UserException("--events must be positive, got " + events);
    }
    Simulator simulator = simulator();
    FileFormat format = format();
    DoubleStream.Builder masses = DoubleStream.builder();
    long written = write(simulator, format, masses);
    report(simulator, format, written, masses.build().toArray());
    return 0;
  }

  private Simulator simulator() {
    try {
      Process p = Process.fromCliName(process);
      Simulator.Builder builder =
          Simulator.builder()
              .process(p)
              .regime(Regime.fromCliName(regime))
              .nuisances(NuisanceShifts.parse(shift))
              .seed(seed);
      if (noMassCut) {
        builder.massCut(false);
      }
      if (signal != null) {
        builder.signal(SignalInjection.parse(signal));
      }
      if (zPrimeMass != null || zPrimeWidth != null) {
        builder.zPrime(
            zPrimeMass == null ? Simulator.DEFAULT_ZPRIME_MASS : zPrimeMass,
            zPrimeWidth == null ? Simulator.DEFAULT_ZPRIME_WIDTH : zPrimeWidth);
      }
      if (eftCoupling != null) {
        builder.eftCoupling(eftCoupling);
      }
      if (start != null) {
        builder.startTime(start);
      }
      if (rate != null) {
        builder.rateHz(rate);
      }
      if (stream != null) {
        builder.stream(stream);
      }
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
  }

  private FileFormat format() {
    if (layout == null) {
      return FileFormat.forEvents(out);
    }
    return switch (layout.toLowerCase(Locale.ROOT)) {
      case "csv" -> FileFormat.CSV;
      case "challenge" -> FileFormat.CHALLENGE_HDF5;
      case "dimuon" -> FileFormat.DIMUON_HDF5;
      default ->
          throw new UserException(
              "--layout must be csv, challenge or dimuon, got '" + layout + "'");
    };
  }

  private long write(Simulator simulator, FileFormat format, DoubleStream.Builder masses) {
    long[] count = {0};
    try {
      EventWriter writer = EventFiles.open(out, format);
      simulator.generate(
          events,
          (Event event) -> {
            writer.write(event);
            count[0]++;
            DileptonFeatures.of(event).ifPresent(f -> masses.add(f.m12()));
          });
      writer.close();
    } catch (RecordedFileException e) {
      throw new UserException(e.getMessage());
    }
    return count[0];
  }

  private void report(Simulator simulator, FileFormat format, long written, double[] masses) {
    PrintWriter o = spec.commandLine().getOut();
    o.printf(
        Locale.ROOT,
        "wrote %d %s events%s (seed %d, %s, %s) to %s [%s]%n",
        written,
        process,
        simulator.signal().map(sig -> " with " + sig).orElse(""),
        seed,
        simulator.regime(),
        simulator.nuisances(),
        out,
        format);
    if (masses.length < MIN_PAIRS_FOR_SUMMARY) {
      return;
    }
    DileptonMassSpectrum spectrum = DileptonMassSpectrum.ofMasses(masses);
    double lo = Math.max(0, percentile(masses, 0.005));
    double hi = percentile(masses, 0.995);
    o.printf(
        Locale.ROOT,
        "M12 of %d lepton pairs: mode %.1f GeV, median %.1f GeV, above 300 GeV %.4f ± %.4f%n",
        spectrum.size(),
        spectrum.mode(lo, hi, Math.max(0.25, (hi - lo) / 400)),
        percentile(masses, 0.5),
        spectrum.fractionAbove(300),
        spectrum.fractionAboveError(300));
    double inTail = (spectrum.fractionAbove(150) - spectrum.fractionAbove(500)) * spectrum.size();
    boolean continuum = simulator.process() == Process.DY || simulator.process() == Process.EFT;
    if (continuum && inTail >= MIN_PAIRS_FOR_SUMMARY) {
      DileptonMassSpectrum.PowerLawFit tail = spectrum.tailSlope(150, 500);
      o.printf(
          Locale.ROOT,
          "M12 tail 150-500 GeV: dN/dM ∝ M^s with s = %.2f ± %.2f (%d events)%n",
          tail.slope(),
          tail.error(),
          tail.events());
    }
  }

  private static double percentile(double[] values, double q) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  }
}
