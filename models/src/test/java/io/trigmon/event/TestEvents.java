package io.trigmon.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Test-data builders for events, shared with the other modules through the models test-jar: fixed
 * seeds and fixed instants, so that every test sees the same events on every run.
 *
 * <ul>
 *   <li>{@link #next()} — valid random trigger-level events of a run starting at {@link
 *       #RUN_START}, one after another in event time;
 *   <li>{@link #nextArbitrary()} — any event the codec can carry (NaN, infinities, −0, subnormal
 *       and extreme values, 255 objects, non-ASCII keys), for round-trip tests;
 *   <li>{@link #dilepton} — an event with two muons of given kinematics;
 *   <li>{@link #event()} — a builder starting from a minimal valid event, for crafted cases.
 * </ul>
 *
 * Hostile records (bytes plus the reason they must be rejected with) come from {@link
 * HostileRecords}. Kafka-based tests that need event times near the present (the broker deletes old
 * records) pass their own run start to {@link #TestEvents(long, Instant)}.
 */
public final class TestEvents {

  /** The default seed. */
  public static final long SEED = 20_261_123L;

  /** Start of the test run: a fixed instant, so event times and lumisections are reproducible. */
  public static final Instant RUN_START = Instant.parse("2026-11-23T08:00:00Z");

  /** The run number of test events. */
  public static final long RUN = 370_293L;

  /** The stream keys random events are spread over. */
  public static final List<String> STREAMS = List.of("dimuon", "dielectron", "jets", "zerobias");

  /** Stream of {@link #event()} and {@link #dilepton}. */
  public static final String DEFAULT_STREAM = "dimuon";

  /** Mean gap between random events: a 1 kHz stream. */
  private static final double MEAN_GAP_NANOS = 1e6;

  private static final double LEPTON_ETA = 2.4;
  private static final double JET_ETA = 4.7;

  private final SplittableRandom random;
  private final long runStartNanos;
  private long timeNanos;
  private long eventNumber;

  /** Random events from {@link #SEED}, starting at {@link #RUN_START}. */
  public TestEvents() {
    this(SEED);
  }

  /** Random events from the given seed, starting at {@link #RUN_START}. */
  public TestEvents(long seed) {
    this(seed, RUN_START);
  }

  /** Random events from the given seed, in a run starting at the given instant. */
  public TestEvents(long seed, Instant runStart) {
    this.random = new SplittableRandom(seed);
    this.runStartNanos = nanos(runStart);
    this.timeNanos = runStartNanos;
  }

  /** Nanoseconds since the epoch of an instant. */
  public static long nanos(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
  }

  // ---------------------------------------------------------------- valid random events

  /**
   * The next valid random event: a few leptons and jets with falling pT spectra inside the
   * acceptance, sometimes more than the 4/4/10 slots of the autoencoder layout; objects pT-ordered;
   * event time a little after the previous event's.
   */
  public Event next() {
    return nextWithCounts(count(1.0, 6), count(1.0, 6), count(4.0, 20));
  }

  /** The next {@code n} valid random events. */
  public List<Event> next(int n) {
    List<Event> events = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      events.add(next());
    }
    return events;
  }

  /** The next valid random event with these object counts (at most 255 each). */
  public Event nextWithCounts(int electrons, int muons, int jets) {
    timeNanos += 1 + (long) (-MEAN_GAP_NANOS * Math.log(1 - random.nextDouble()));
    eventNumber++;
    return new Event(
        RUN,
        Lumisection.of(timeNanos, runStartNanos),
        eventNumber,
        timeNanos,
        STREAMS.get(random.nextInt(STREAMS.size())),
        Particle.met(exponential(25), phi()),
        objects(electrons, 10, LEPTON_ETA),
        objects(muons, 5, LEPTON_ETA),
        objects(jets, 20, JET_ETA));
  }

  private List<Particle> objects(int n, double ptMin, double maxAbsEta) {
    List<Particle> objects = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      objects.add(Particle.of(powerLaw(ptMin), uniform(maxAbsEta), phi()));
    }
    objects.sort(Event.BY_DECREASING_PT);
    return objects;
  }

  /** pT from a power law ∝ pT^−3 above ptMin, capped at 6.5 TeV. */
  private double powerLaw(double ptMin) {
    return Math.min(6500, ptMin / Math.sqrt(1 - random.nextDouble()));
  }

  private double exponential(double mean) {
    return -mean * Math.log(1 - random.nextDouble());
  }

  private double uniform(double maxAbs) {
    return (2 * random.nextDouble() - 1) * maxAbs;
  }

  private double phi() {
    return (2 * random.nextDouble() - 1) * Math.PI;
  }

  /** A Poisson count of the given mean, capped. */
  private int count(double mean, int max) {
    int n = 0;
    double p = Math.exp(-mean);
    double u = random.nextDouble();
    double cumulative = p;
    while (u > cumulative && n < max) {
      n++;
      p *= mean / n;
      cumulative += p;
    }
    return n;
  }

  // ---------------------------------------------------------------- arbitrary events

  /**
   * Any event the binary codec can carry, mostly invalid: ids and times over the whole long/int
   * range, floats from a pool of extreme values (NaN, ±∞, ±0, subnormals, ±MAX_VALUE) or random
   * bits, 0 to 255 objects per type, stream keys of 0–255 UTF-8 bytes, some non-ASCII.
   */
  public Event nextArbitrary() {
    return new Event(
        random.nextLong(),
        random.nextInt(),
        random.nextLong(),
        random.nextLong(),
        arbitraryKey(),
        new Particle(arbitraryFloat(), 0f, arbitraryFloat()),
        arbitraryObjects(),
        arbitraryObjects(),
        arbitraryObjects());
  }

  /** The largest event the codec can carry: 255 objects of each type, a 255-byte key. */
  public Event nextLargest() {
    return new Event(
        Long.MAX_VALUE,
        Integer.MAX_VALUE,
        Long.MAX_VALUE,
        Long.MAX_VALUE,
        "k".repeat(EventCodec.MAX_STREAM_KEY_BYTES),
        new Particle(Float.MAX_VALUE, 0f, -Float.MAX_VALUE),
        arbitraryObjects(EventCodec.MAX_OBJECTS_PER_TYPE),
        arbitraryObjects(EventCodec.MAX_OBJECTS_PER_TYPE),
        arbitraryObjects(EventCodec.MAX_OBJECTS_PER_TYPE));
  }

  private static final float[] EXTREME_FLOATS = {
    0f,
    -0f,
    Float.MIN_VALUE,
    -Float.MIN_VALUE,
    Float.MIN_NORMAL,
    Float.MAX_VALUE,
    -Float.MAX_VALUE,
    Float.NaN,
    Float.POSITIVE_INFINITY,
    Float.NEGATIVE_INFINITY,
    (float) Math.PI,
    -(float) Math.PI,
    Math.nextUp((float) Math.PI),
    1e-30f,
    6500f
  };

  private static final String[] ODD_KEYS = {"", "ü-stream", "触发", "mu\u0000\n", "🙂"};

  private float arbitraryFloat() {
    return switch (random.nextInt(3)) {
      case 0 -> EXTREME_FLOATS[random.nextInt(EXTREME_FLOATS.length)];
      case 1 -> Float.intBitsToFloat(random.nextInt());
      default -> (float) uniform(1000);
    };
  }

  private List<Particle> arbitraryObjects() {
    int n =
        random.nextInt(10) == 0
            ? random.nextInt(EventCodec.MAX_OBJECTS_PER_TYPE + 1)
            : random.nextInt(6);
    return arbitraryObjects(n);
  }

  private List<Particle> arbitraryObjects(int n) {
    List<Particle> objects = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      objects.add(new Particle(arbitraryFloat(), arbitraryFloat(), arbitraryFloat()));
    }
    return objects;
  }

  private String arbitraryKey() {
    return switch (random.nextInt(4)) {
      case 0 -> ODD_KEYS[random.nextInt(ODD_KEYS.length)];
      case 1 -> "x".repeat(random.nextInt(EventCodec.MAX_STREAM_KEY_BYTES + 1));
      default -> STREAMS.get(random.nextInt(STREAMS.size()));
    };
  }

  // ---------------------------------------------------------------- crafted events

  /**
   * A valid event with exactly two muons of the given kinematics (leading first if pt1 ≥ pt2), a
   * small MET and no other objects, at {@link #RUN_START}.
   */
  public static Event dilepton(
      double pt1, double eta1, double phi1, double pt2, double eta2, double phi2) {
    return event().muon(pt1, eta1, phi1).muon(pt2, eta2, phi2).build();
  }

  /**
   * A builder starting from a minimal valid event (no objects, MET 10 GeV) at {@link #RUN_START}.
   */
  public static Builder event() {
    return new Builder();
  }

  /** Builds crafted events one field at a time; every setter returns the builder. */
  public static final class Builder {
    private long run = RUN;
    private int lumisection = 1;
    private long eventNumber = 1;
    private long timeNanos = nanos(RUN_START);
    private String stream = DEFAULT_STREAM;
    private Particle met = Particle.met(10, 0.5);
    private final List<Particle> electrons = new ArrayList<>();
    private final List<Particle> muons = new ArrayList<>();
    private final List<Particle> jets = new ArrayList<>();

    private Builder() {}

    public Builder run(long value) {
      run = value;
      return this;
    }

    public Builder lumisection(int value) {
      lumisection = value;
      return this;
    }

    public Builder eventNumber(long value) {
      eventNumber = value;
      return this;
    }

    public Builder timeNanos(long value) {
      timeNanos = value;
      return this;
    }

    public Builder time(Instant value) {
      timeNanos = nanos(value);
      return this;
    }

    public Builder stream(String value) {
      stream = value;
      return this;
    }

    public Builder met(double pt, double phi) {
      met = Particle.met(pt, phi);
      return this;
    }

    /** Any MET particle, also one with η ≠ 0 (which no wire form can carry). */
    public Builder met(Particle value) {
      met = value;
      return this;
    }

    public Builder electron(double pt, double eta, double phi) {
      electrons.add(Particle.of(pt, eta, phi));
      return this;
    }

    public Builder muon(double pt, double eta, double phi) {
      muons.add(Particle.of(pt, eta, phi));
      return this;
    }

    public Builder jet(double pt, double eta, double phi) {
      jets.add(Particle.of(pt, eta, phi));
      return this;
    }

    /** Adds {@code n} valid central jets of decreasing pT (100, 99, ... GeV). */
    public Builder jets(int n) {
      for (int i = 0; i < n; i++) {
        jets.add(Particle.of(100 - 0.25 * i, 0.1 * (i % 20) - 1, -3 + 0.02 * i));
      }
      return this;
    }

    public Event build() {
      return new Event(
          run, lumisection, eventNumber, timeNanos, stream, met, electrons, muons, jets);
    }
  }
}
