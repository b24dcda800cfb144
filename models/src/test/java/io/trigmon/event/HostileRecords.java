package io.trigmon.event;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Records that must end on the dead-letter topic, each with the reason it must carry: the poison
 * pills of the stream-app and Flink tests. Every record has exactly one problem, so {@link
 * EventValidator#decodeAndValidate(byte[])} gives exactly {@link Hostile#expected()} as its {@link
 * Validation#reason()}. Reproducible from the seed.
 */
public final class HostileRecords {

  /** The kinds of bad record, with the reason each is rejected for. */
  public enum Kind {
    /** A zero-length record. */
    EMPTY(Reason.EMPTY),
    /** Random bytes (not starting with the magic). */
    RANDOM_BYTES(Reason.BAD_MAGIC),
    /** An event in JSON sent to a binary topic. */
    JSON_TEXT(Reason.BAD_MAGIC),
    /** A valid encoding cut short (at least one byte left). */
    TRUNCATED(Reason.TRUNCATED),
    /** A valid encoding followed by garbage. */
    TRAILING_BYTES(Reason.TRAILING_BYTES),
    /** A valid encoding with another version byte. */
    WRONG_VERSION(Reason.WRONG_VERSION),
    /** A stream key that is not UTF-8. */
    NON_UTF8_STREAM_KEY(Reason.BAD_STREAM_KEY),
    /** A stream key with characters outside the allowed set. */
    BAD_STREAM_KEY(Reason.BAD_STREAM_KEY),
    /** An event time before the epoch. */
    NEGATIVE_TIME(Reason.NEGATIVE_TIME),
    /** A negative run, lumisection or event number. */
    NEGATIVE_ID(Reason.NEGATIVE_ID),
    /** One NaN pT, η or φ. */
    NAN(Reason.NON_FINITE),
    /** One infinite pT, η or φ. */
    INFINITY(Reason.NON_FINITE),
    /** One object with negative pT. */
    NEGATIVE_PT(Reason.NEGATIVE_PT),
    /** One jet beyond |η| = 5 or one lepton beyond |η| = 3. */
    ETA_BEYOND_DETECTOR(Reason.ETA_OUT_OF_ACCEPTANCE),
    /** One φ outside [−π, π]. */
    PHI_OUT_OF_RANGE(Reason.PHI_OUT_OF_RANGE),
    /** 65 to 255 valid jets. */
    TOO_MANY_OBJECTS(Reason.TOO_MANY_OBJECTS);

    private final Reason expected;

    Kind(Reason expected) {
      this.expected = expected;
    }

    /** The reason a record of this kind must be rejected with. */
    public Reason expected() {
      return expected;
    }
  }

  /**
   * One bad record.
   *
   * @param kind what is wrong with it
   * @param bytes the record value
   * @param expected the reason it must be rejected with
   */
  public record Hostile(Kind kind, byte[] bytes, Reason expected) {
    @Override
    public String toString() {
      return kind + " (" + bytes.length + " bytes, expect " + expected.code() + ")";
    }
  }

  private final SplittableRandom random;
  private final TestEvents events;

  /** Hostile records from {@link TestEvents#SEED}. */
  public HostileRecords() {
    this(TestEvents.SEED);
  }

  public HostileRecords(long seed) {
    this.random = new SplittableRandom(seed);
    this.events = new TestEvents(seed + 1);
  }

  /** One record of each kind, in {@link Kind} order. */
  public List<Hostile> oneOfEach() {
    List<Hostile> records = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      records.add(next(kind));
    }
    return records;
  }

  /** {@code n} records of random kinds. */
  public List<Hostile> next(int n) {
    List<Hostile> records = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      records.add(next());
    }
    return records;
  }

  /** A record of a random kind. */
  public Hostile next() {
    return next(Kind.values()[random.nextInt(Kind.values().length)]);
  }

  /** A record of the given kind. */
  public Hostile next(Kind kind) {
    return new Hostile(kind, bytes(kind), kind.expected());
  }

  private byte[] bytes(Kind kind) {
    return switch (kind) {
      case EMPTY -> new byte[0];
      case RANDOM_BYTES -> randomBytes();
      case JSON_TEXT -> EventJson.toJson(valid()).getBytes(StandardCharsets.UTF_8);
      case TRUNCATED -> truncated();
      case TRAILING_BYTES -> withTrailingBytes();
      case WRONG_VERSION -> withWrongVersion();
      case NON_UTF8_STREAM_KEY -> withNonUtf8Key();
      case BAD_STREAM_KEY -> encode(builderFrom(valid()).stream("no spaces allowed").build());
      case NEGATIVE_TIME ->
          encode(builderFrom(valid()).timeNanos(-1 - random.nextLong(1L << 62)).build());
      case NEGATIVE_ID -> encode(withNegativeId());
      case NAN -> encode(withOneBadValue(Float.NaN));
      case INFINITY ->
          encode(
              withOneBadValue(
                  random.nextBoolean() ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY));
      case NEGATIVE_PT -> encode(withNegativePt());
      case ETA_BEYOND_DETECTOR -> encode(withEtaBeyondDetector());
      case PHI_OUT_OF_RANGE -> encode(withPhiOutOfRange());
      case TOO_MANY_OBJECTS ->
          encode(
              builderFrom(events.nextWithCounts(1, 1, 0))
                  .jets(
                      EventLimits.DEFAULT.maxObjectsPerType()
                          + 1
                          + random.nextInt(
                              EventCodec.MAX_OBJECTS_PER_TYPE
                                  - EventLimits.DEFAULT.maxObjectsPerType()))
                  .build());
    };
  }

  private Event valid() {
    return events.next();
  }

  private static byte[] encode(Event event) {
    return EventCodec.encode(event);
  }

  private byte[] randomBytes() {
    byte[] bytes = new byte[1 + random.nextInt(200)];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) random.nextInt(256);
    }
    if (bytes[0] == EventCodec.MAGIC_0) {
      bytes[0] = (byte) ~EventCodec.MAGIC_0;
    }
    return bytes;
  }

  private byte[] truncated() {
    byte[] bytes = encode(valid());
    return Arrays.copyOf(bytes, 1 + random.nextInt(bytes.length - 1));
  }

  private byte[] withTrailingBytes() {
    byte[] bytes = encode(valid());
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 1 + random.nextInt(16));
    for (int i = bytes.length; i < longer.length; i++) {
      longer[i] = (byte) random.nextInt(256);
    }
    return longer;
  }

  private byte[] withWrongVersion() {
    byte[] bytes = encode(valid());
    int version = random.nextInt(255);
    bytes[2] = (byte) (version >= EventCodec.VERSION ? version + 1 : version);
    return bytes;
  }

  private byte[] withNonUtf8Key() {
    // "mu" + a lone continuation byte: the key bytes sit right after the 32-byte header.
    byte[] bytes = encode(builderFrom(valid()).stream("mu?").build());
    bytes[32 + 2] = (byte) 0x80;
    return bytes;
  }

  private Event withNegativeId() {
    TestEvents.Builder builder = builderFrom(valid());
    int negative = -1 - random.nextInt(Integer.MAX_VALUE);
    return switch (random.nextInt(3)) {
      case 0 -> builder.run(negative).build();
      case 1 -> builder.lumisection(negative).build();
      default -> builder.eventNumber(negative).build();
    };
  }

  /** A valid event with one random pT, η or φ (MET: pT or φ) replaced. */
  private Event withOneBadValue(float bad) {
    Event event = events.nextWithCounts(1, 1, 2);
    int object = random.nextInt(5);
    int component = object == 0 ? 2 * random.nextInt(2) : random.nextInt(3);
    return replace(event, object, component, bad);
  }

  private Event withNegativePt() {
    Event event = events.nextWithCounts(1, 1, 2);
    int object = random.nextInt(5);
    return replace(event, object, 0, -1f - (float) random.nextDouble() * 100);
  }

  private Event withEtaBeyondDetector() {
    Event event = events.nextWithCounts(1, 1, 2);
    int object = 1 + random.nextInt(4);
    float limit =
        object <= 2 ? EventLimits.DEFAULT.leptonMaxAbsEta() : EventLimits.DEFAULT.jetMaxAbsEta();
    float eta = Math.nextUp(limit) + (float) random.nextDouble() * 5;
    return replace(event, object, 1, random.nextBoolean() ? eta : -eta);
  }

  private Event withPhiOutOfRange() {
    Event event = events.nextWithCounts(1, 1, 2);
    int object = random.nextInt(5);
    float phi = Math.nextUp(EventLimits.MAX_ABS_PHI) + (float) random.nextDouble() * 3;
    return replace(event, object, 2, random.nextBoolean() ? phi : -phi);
  }

  /**
   * The event with one component (0 pT, 1 η, 2 φ) of one object replaced: object 0 is the MET, 1
   * the electron, 2 the muon, 3 and 4 the jets of an event with counts (1, 1, 2).
   */
  private static Event replace(Event event, int object, int component, float value) {
    Particle met = event.met();
    List<Particle> electrons = new ArrayList<>(event.electrons());
    List<Particle> muons = new ArrayList<>(event.muons());
    List<Particle> jets = new ArrayList<>(event.jets());
    switch (object) {
      case 0 -> met = with(met, component, value);
      case 1 -> electrons.set(0, with(electrons.get(0), component, value));
      case 2 -> muons.set(0, with(muons.get(0), component, value));
      default -> jets.set(object - 3, with(jets.get(object - 3), component, value));
    }
    return event.withObjects(met, electrons, muons, jets);
  }

  private static Particle with(Particle p, int component, float value) {
    return switch (component) {
      case 0 -> new Particle(value, p.eta(), p.phi());
      case 1 -> new Particle(p.pt(), value, p.phi());
      default -> new Particle(p.pt(), p.eta(), value);
    };
  }

  private static TestEvents.Builder builderFrom(Event event) {
    TestEvents.Builder builder =
        TestEvents.event()
            .run(event.run())
            .lumisection(event.lumisection())
            .eventNumber(event.eventNumber())
            .timeNanos(event.eventTimeNanos())
            .stream(event.stream())
            .met(event.met());
    event.electrons().forEach(p -> builder.electron(p.pt(), p.eta(), p.phi()));
    event.muons().forEach(p -> builder.muon(p.pt(), p.eta(), p.phi()));
    event.jets().forEach(p -> builder.jet(p.pt(), p.eta(), p.phi()));
    return builder;
  }
}
