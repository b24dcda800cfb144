package io.trigmon.simulation;

import io.trigmon.event.DileptonFeatures;
import io.trigmon.event.Event;
import java.time.Instant;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Generates seed-reproducible collision-like events of a {@link Process} (DESIGN §3):
 *
 * <pre>{@code
 * Simulator dy = Simulator.builder()
 *     .process(Process.DY)
 *     .regime(Regime.MUON_LIKE)
 *     .nuisances(NuisanceShifts.parse("scale-barrel=1"))
 *     .signal(SignalInjection.count(Process.ZPRIME, 30))
 *     .seed(1)
 *     .build();
 * dy.events(20_000).forEach(...);
 * }</pre>
 *
 * <p>Each collision is generated at truth level, measured by the {@link Regime}'s detector, shifted
 * by the {@link NuisanceShifts} and then selected ({@link Selection}; for dilepton processes by
 * default two leptons with pT &gt; 20 GeV, |η| &lt; 2.4, M12 &gt; 100 GeV). Collision i of a seed
 * always comes from the same random numbers, so: the same seed gives identical events; a shifted
 * sample contains the same collisions as the nominal one, with shifted momenta and the migrations
 * across the cuts the shift causes; an injected signal replaces background events without changing
 * the others. Events are stamped with the run, lumisection, a sequential event number and an event
 * time advancing from {@link Builder#startTime(Instant)} at {@link Builder#rateHz(double)} (Poisson
 * arrivals by default).
 *
 * <p>Dilepton masses are drawn only above a generation threshold below the mass cut (by five times
 * the mass resolution and the largest allowed scale shift), and the masses below the cut only with
 * the probability that smearing and shifts can still carry them across it ({@link MigrationBound},
 * exact thinning): the M12 &gt; 100 GeV muon-like sample costs about three collisions per selected
 * event instead of the ~24 the Z peak would otherwise cost. A simulator is immutable and
 * thread-safe; each call to {@link #events(long)}, {@link #iterator()} or {@link #generate(long,
 * Consumer)} starts again from the first collision.
 */
public final class Simulator {

  /** Lowest generated dilepton mass (GeV) when no mass cut needs a higher one. */
  public static final double DILEPTON_MASS_MIN = 50;

  /** Highest generated dilepton mass, GeV. */
  public static final double DILEPTON_MASS_MAX = 8000;

  /** Default start of the event clock: a fixed instant, so that a seed fixes the event times. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

  /** Default event rate, Hz (about 23 000 events per lumisection). */
  public static final double DEFAULT_RATE_HZ = 1000;

  /** Default Z′ mass and width, GeV (the NPLM benchmark signal). */
  public static final double DEFAULT_ZPRIME_MASS = 300;

  public static final double DEFAULT_ZPRIME_WIDTH = 15;

  /** Default EFT coefficient c_W/Λ², TeV⁻² (the NPLM power study's alternative). */
  public static final double DEFAULT_EFT_COUPLING = 1.5;

  static final long MAIN_STREAM = 1;
  static final long SIGNAL_STREAM = 2;
  static final long INJECTION_STREAM = 3;
  static final long TIME_STREAM = 4;

  private final Process process;
  private final Regime regime;
  private final NuisanceShifts nuisances;
  private final Selection selection;
  private final SignalInjection signal;
  private final long seed;
  private final long run;
  private final long startNanos;
  private final double rateHz;
  private final boolean poissonArrivals;
  private final String stream;
  private final double generationMassMin;
  private final Detector detector;
  private final ProcessGenerator mainGenerator;
  private final ProcessGenerator signalGenerator;

  private Simulator(Builder b) {
    process = b.process;
    regime = b.regime;
    nuisances = b.nuisances;
    Selection chosen = b.selection != null ? b.selection : process.defaultSelection();
    selection = b.massCut ? chosen : chosen.withoutMassCut();
    signal = b.signal;
    seed = b.seed;
    run = b.run;
    startNanos = b.startNanos;
    rateHz = b.rateHz;
    poissonArrivals = b.poissonArrivals;
    stream = b.stream != null ? b.stream : process.defaultStream(regime);
    generationMassMin = generationMassMin(selection, regime);
    detector = new Detector(regime);
    Generators generators =
        new Generators(
            regime,
            MigrationBound.of(selection, regime),
            generationMassMin,
            b.zPrimeMass,
            b.zPrimeWidth,
            b.eftCoupling,
            b.smMixture);
    mainGenerator = generators.of(process);
    signalGenerator = signal != null ? generators.of(signal.process()) : null;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The first {@code n} events (background and injected signal together). */
  public Stream<Event> events(long n) {
    checkCount(n);
    Spliterator<Event> spliterator =
        Spliterators.spliterator(
            new EventSource(this, n),
            n,
            Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE);
    return StreamSupport.stream(spliterator, false);
  }

  /**
   * The NPLM dilepton features ({@link DileptonFeatures#toArray()}) of those of the first {@code n}
   * events that have a lepton pair, in order: a reference or data sample for the NPLM test.
   */
  public double[][] dileptonFeatures(long n) {
    return events(n)
        .map(DileptonFeatures::of)
        .flatMap(Optional::stream)
        .map(DileptonFeatures::toArray)
        .toArray(double[][]::new);
  }

  /**
   * An endless iterator of events. A signal injected by count needs a finite sample: use {@link
   * #events(long)}, or inject by fraction.
   */
  public Iterator<Event> iterator() {
    if (signal != null && signal.byCount()) {
      throw new IllegalStateException(
          "signal " + signal + " is injected by count: ask for a finite number of events");
    }
    return new EventSource(this, -1);
  }

  /** Hands the first {@code n} events to {@code sink}, in order. */
  public void generate(long n, Consumer<Event> sink) {
    checkCount(n);
    EventSource source = new EventSource(this, n);
    while (source.hasNext()) {
      sink.accept(source.next());
    }
  }

  /**
   * The expected yield of this simulator's sample (its nuisance shifts) relative to the nominal
   * one, from the selection efficiencies on the first {@code collisions} collisions of the main
   * process (injected signal is not counted), times the normalisation factor.
   */
  public YieldRatio yieldRatio(long collisions) {
    checkCount(collisions);
    ProcessChannel channel = channel(MAIN_STREAM, process, mainGenerator);
    long nominal = 0;
    long shifted = 0;
    long gained = 0;
    long lost = 0;
    for (long i = 0; i < collisions; i++) {
      Candidate candidate = channel.collision(i);
      if (candidate == null) {
        continue;
      }
      boolean passNominal = candidate.measure(NuisanceShifts.NOMINAL).passes(selection);
      boolean passShifted =
          nuisances.shiftsShapes() ? candidate.measure(nuisances).passes(selection) : passNominal;
      nominal += passNominal ? 1 : 0;
      shifted += passShifted ? 1 : 0;
      gained += passShifted && !passNominal ? 1 : 0;
      lost += passNominal && !passShifted ? 1 : 0;
    }
    if (nominal == 0) {
      throw new IllegalStateException(
          "no " + process + " collision out of " + collisions + " passed the selection");
    }
    return new YieldRatio(collisions, nominal, shifted, gained, lost, nuisances.yieldFactor());
  }

  /**
   * Lowest dilepton mass generated for a selection: the mass cut lowered by five mass resolutions
   * (two leptons at the pT cut in the outer endcap) and by the largest allowed momentum-scale
   * shift, so that the events smearing and shifts carry across the cut are generated.
   */
  static double generationMassMin(Selection selection, Regime regime) {
    if (selection.massMin() <= 0) {
      return DILEPTON_MASS_MIN;
    }
    double pt = Math.max(selection.leptonPtMin(), 10);
    double eta = Math.min(selection.leptonEtaMax(), Detector.ELECTRON_ETA_MAX);
    double massResolution = regime.resolution().relative(pt, eta) / Math.sqrt(2);
    double largestScale = Math.max(regime.barrelScaleSigma(), regime.endcapScaleSigma());
    double lowered =
        selection.massMin()
            * (1 - 5 * massResolution)
            * Math.exp(-NuisanceShifts.MAX_SCALE_SIGMAS * largestScale);
    return Math.max(lowered, 10);
  }

  ProcessChannel channel(long streamKey, Process channelProcess, ProcessGenerator generator) {
    return new ProcessChannel(
        channelProcess, generator, detector, nuisances, selection, seed, streamKey);
  }

  ProcessGenerator mainGenerator() {
    return mainGenerator;
  }

  ProcessGenerator signalGenerator() {
    return signalGenerator;
  }

  public Process process() {
    return process;
  }

  public Regime regime() {
    return regime;
  }

  public NuisanceShifts nuisances() {
    return nuisances;
  }

  public Selection selection() {
    return selection;
  }

  public Optional<SignalInjection> signal() {
    return Optional.ofNullable(signal);
  }

  public long seed() {
    return seed;
  }

  public long run() {
    return run;
  }

  /** Event time of the start of the run, ns since the epoch. */
  public long startNanos() {
    return startNanos;
  }

  public double rateHz() {
    return rateHz;
  }

  public boolean poissonArrivals() {
    return poissonArrivals;
  }

  /** The stream (trigger path) key the events carry. */
  public String stream() {
    return stream;
  }

  /** Lowest truth dilepton mass generated (GeV); see {@link #generationMassMin}. */
  public double generationMassMin() {
    return generationMassMin;
  }

  /**
   * The expected-yield factor of the normalisation nuisance, exp(ν_N σ_N): the number of events a
   * caller should draw (or weight by) relative to nominal, shapes being unchanged.
   */
  public double normalisationFactor() {
    return nuisances.yieldFactor();
  }

  /** The configuration in command-line terms, for logs and file headers. */
  @Override
  public String toString() {
    return "process="
        + process
        + " regime="
        + regime
        + " seed="
        + seed
        + " nuisances="
        + nuisances
        + " selection="
        + selection
        + (signal != null ? " signal=" + signal : "")
        + " stream="
        + stream;
  }

  private static void checkCount(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("number of events must be >= 0, got " + n);
    }
  }

  /**
   * Options of a {@link Simulator}, each with a default: process {@code dy}, regime {@code
   * muon-like}, nominal nuisances, the process's default selection with its mass cut, no signal,
   * seed 1, run 1, start {@link #DEFAULT_START}, 1 kHz Poisson arrivals.
   */
  public static final class Builder {
    private Process process = Process.DY;
    private Regime regime = Regime.MUON_LIKE;
    private NuisanceShifts nuisances = NuisanceShifts.NOMINAL;
    private Selection selection;
    private boolean massCut = true;
    private SignalInjection signal;
    private long seed = 1;
    private long run = 1;
    private long startNanos = toNanos(DEFAULT_START);
    private double rateHz = DEFAULT_RATE_HZ;
    private boolean poissonArrivals = true;
    private String stream;
    private double zPrimeMass = DEFAULT_ZPRIME_MASS;
    private double zPrimeWidth = DEFAULT_ZPRIME_WIDTH;
    private double eftCoupling = DEFAULT_EFT_COUPLING;
    private SmMixture smMixture = SmMixture.DEFAULT;

    private Builder() {}

    public Builder process(Process value) {
      process = Objects.requireNonNull(value, "process");
      return this;
    }

    public Builder regime(Regime value) {
      regime = Objects.requireNonNull(value, "regime");
      return this;
    }

    /** Nuisance values in σ units. */
    public Builder nuisances(NuisanceShifts value) {
      nuisances = Objects.requireNonNull(value, "nuisances");
      return this;
    }

    /** Replaces the process's default selection. */
    public Builder selection(Selection value) {
      selection = Objects.requireNonNull(value, "selection");
      return this;
    }

    /** Whether the selection's M12 cut applies (default true; false keeps the acceptance only). */
    public Builder massCut(boolean value) {
      massCut = value;
      return this;
    }

    /** Signal to inject, or null for none. */
    public Builder signal(SignalInjection value) {
      signal = value;
      return this;
    }

    public Builder seed(long value) {
      seed = value;
      return this;
    }

    public Builder run(long value) {
      if (value < 0) {
        throw new IllegalArgumentException("run must be >= 0, got " + value);
      }
      run = value;
      return this;
    }

    /** Event time of the first lumisection's start (events follow at the event rate). */
    public Builder startTime(Instant value) {
      startNanos = toNanos(Objects.requireNonNull(value, "startTime"));
      return this;
    }

    /** Events per second of event time. */
    public Builder rateHz(double value) {
      if (!(value > 0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException("rateHz must be positive and finite, got " + value);
      }
      rateHz = value;
      return this;
    }

    /** Poisson (exponential gaps, default) or evenly spaced event times. */
    public Builder poissonArrivals(boolean value) {
      poissonArrivals = value;
      return this;
    }

    /** Stream key of the events, instead of the process's default. */
    public Builder stream(String value) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("stream must not be blank");
      }
      stream = value;
      return this;
    }

    /** Z′ mass and width, GeV. */
    public Builder zPrime(double mass, double width) {
      if (!(mass > 0) || !(width > 0) || !(width < mass)) {
        throw new IllegalArgumentException(
            "Z′ needs 0 < width < mass, got mass=" + mass + ", width=" + width);
      }
      zPrimeMass = mass;
      zPrimeWidth = width;
      return this;
    }

    /** EFT coefficient c_W/Λ² in TeV⁻² (positive: the {@code eft} process is the excess). */
    public Builder eftCoupling(double value) {
      if (!(value > 0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException("eftCoupling must be positive (TeV^-2), got " + value);
      }
      eftCoupling = value;
      return this;
    }

    public Builder smMixture(SmMixture value) {
      smMixture = Objects.requireNonNull(value, "smMixture");
      return this;
    }

    public Simulator build() {
      return new Simulator(this);
    }

    private static long toNanos(Instant instant) {
      return Math.addExact(
          Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }
  }
}
