package io.trigmon.event;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The binary wire format of an {@link Event} on Kafka ({@code events.raw}, {@code events.valid}):
 * compact, versioned, little-endian, with every length known before anything is allocated.
 *
 * <h2>Layout, version 1</h2>
 *
 * <table>
 *   <caption>Bytes of one event; k = stream key length, n = nE + nM + nJ objects</caption>
 *   <tr><th>Offset</th><th>Size</th><th>Type</th><th>Field</th></tr>
 *   <tr><td>0</td><td>2</td><td>bytes</td><td>magic {@code 0x74 0x6D} ("tm")</td></tr>
 *   <tr><td>2</td><td>1</td><td>u8</td><td>format version, 1</td></tr>
 *   <tr><td>3</td><td>8</td><td>i64</td><td>run</td></tr>
 *   <tr><td>11</td><td>4</td><td>i32</td><td>lumisection</td></tr>
 *   <tr><td>15</td><td>8</td><td>i64</td><td>event number</td></tr>
 *   <tr><td>23</td><td>8</td><td>i64</td><td>event time, ns since the Unix epoch</td></tr>
 *   <tr><td>31</td><td>1</td><td>u8</td><td>k, stream key length in bytes (0–255)</td></tr>
 *   <tr><td>32</td><td>k</td><td>UTF-8</td><td>stream key</td></tr>
 *   <tr><td>32+k</td><td>4</td><td>f32</td><td>MET pT (GeV)</td></tr>
 *   <tr><td>36+k</td><td>4</td><td>f32</td><td>MET φ (its η is 0 and not stored)</td></tr>
 *   <tr><td>40+k</td><td>1</td><td>u8</td><td>nE, number of electrons (0–255)</td></tr>
 *   <tr><td>41+k</td><td>1</td><td>u8</td><td>nM, number of muons (0–255)</td></tr>
 *   <tr><td>42+k</td><td>1</td><td>u8</td><td>nJ, number of jets (0–255)</td></tr>
 *   <tr><td>43+k</td><td>12·n</td><td>3×f32 each</td><td>(pT, η, φ) of the electrons, then the
 *       muons, then the jets, in the order of the event's lists</td></tr>
 * </table>
 *
 * <p>All numbers are little-endian; floats are IEEE 754 binary32, written bit for bit (a NaN stays
 * a NaN, so that the validator can name it). The record is exactly {@code 43 + k + 12·n} bytes:
 * nothing may follow. A typical event (short key, two leptons, five jets) takes about 140 bytes.
 *
 * <h2>Decoding untrusted bytes</h2>
 *
 * {@link #decode(byte[])} throws only {@link EventDecodeException}, whose {@link Reason} is one of
 * {@code empty}, {@code bad_magic}, {@code wrong_version}, {@code truncated}, {@code
 * trailing_bytes} or {@code bad_stream_key} (key not valid UTF-8). Counts are single bytes and the
 * total length is checked against them before any list is allocated, so hostile counts cannot make
 * it allocate more than the record's own size. Decoding does not check physics ranges: that is
 * {@link EventValidator}'s job, and {@link EventValidator#decodeAndValidate(byte[])} does both.
 *
 * <h2>Versions</h2>
 *
 * A change of layout gets a new version byte; readers reject versions they do not know with {@code
 * wrong_version} rather than guessing.
 */
public final class EventCodec {

  /** First bytes of every record: "tm". A JSON event starts with '{', so the two never collide. */
  public static final byte MAGIC_0 = 0x74;

  /** Second magic byte. */
  public static final byte MAGIC_1 = 0x6D;

  /** The format version this class writes and reads. */
  public static final int VERSION = 1;

  /** Most objects of one type the format can carry (an unsigned byte). */
  public static final int MAX_OBJECTS_PER_TYPE = 255;

  /** Longest stream key in UTF-8 bytes the format can carry. */
  public static final int MAX_STREAM_KEY_BYTES = 255;

  /** Bytes before the stream key. */
  static final int HEADER_BYTES = 32;

  /** Bytes of an event with an empty key and no objects. */
  public static final int MIN_SIZE = HEADER_BYTES + 8 + 3;

  /** Bytes per object: pT, η, φ. */
  public static final int OBJECT_BYTES = 12;

  private static final int VERSION_AT = 2;
  private static final int RUN_AT = 3;
  private static final int LUMISECTION_AT = 11;
  private static final int EVENT_AT = 15;
  private static final int TIME_AT = 23;
  private static final int KEY_LENGTH_AT = 31;

  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle FLOAT =
      MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);

  private EventCodec() {}

  // ---------------------------------------------------------------- encoding

  /**
   * The bytes of an event.
   *
   * @throws IllegalArgumentException if the event cannot be represented: more than 255 objects of
   *     one type, a stream key longer than 255 UTF-8 bytes or not valid Unicode, or a MET with η ≠
   *     0. Out-of-range physics values (NaN, negative pT...) are encoded as they are.
   */
  public static byte[] encode(Event event) {
    byte[] key = keyBytes(event.stream());
    byte[] out = new byte[encodedSize(event, key.length)];
    write(event, key, out, 0);
    return out;
  }

  /**
   * Writes the bytes of an event at the buffer's position and advances it, whatever the buffer's
   * byte order; for producers that reuse one buffer. Needs {@link #encodedSize(Event)} bytes
   * remaining.
   *
   * @throws IllegalArgumentException as {@link #encode(Event)}, or if the buffer has too little
   *     room (then nothing is written)
   */
  public static void encode(Event event, ByteBuffer buffer) {
    byte[] key = keyBytes(event.stream());
    int size = encodedSize(event, key.length);
    if (buffer.remaining() < size) {
      throw new IllegalArgumentException(
          "buffer has " + buffer.remaining() + " bytes left, event needs " + size);
    }
    if (buffer.hasArray()) {
      write(event, key, buffer.array(), buffer.arrayOffset() + buffer.position());
      buffer.position(buffer.position() + size);
    } else {
      byte[] out = new byte[size];
      write(event, key, out, 0);
      buffer.put(out);
    }
  }

  /** Number of bytes {@link #encode(Event)} produces for this event. */
  public static int encodedSize(Event event) {
    return encodedSize(event, keyBytes(event.stream()).length);
  }

  private static int encodedSize(Event event, int keyLength) {
    checkCount("electrons", event.electrons());
    checkCount("muons", event.muons());
    checkCount("jets", event.jets());
    if (event.met().eta() != 0f) {
      throw new IllegalArgumentException("MET η must be 0, got " + event.met().eta());
    }
    int objects = event.electrons().size() + event.muons().size() + event.jets().size();
    return MIN_SIZE + keyLength + OBJECT_BYTES * objects;
  }

  private static void checkCount(String what, List<Particle> objects) {
    if (objects.size() > MAX_OBJECTS_PER_TYPE) {
      throw new IllegalArgumentException(
          objects.size()
              + " "
              + what
              + " cannot be encoded (at most "
              + MAX_OBJECTS_PER_TYPE
              + ")");
    }
  }

  private static byte[] keyBytes(String key) {
    byte[] bytes = isAscii(key) ? asciiBytes(key) : strictUtf8(key);
    if (bytes.length > MAX_STREAM_KEY_BYTES) {
      throw new IllegalArgumentException(
          "stream key has " + bytes.length + " UTF-8 bytes, at most " + MAX_STREAM_KEY_BYTES);
    }
    return bytes;
  }

  private static boolean isAscii(String key) {
    for (int i = 0; i < key.length(); i++) {
      if (key.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static byte[] asciiBytes(String key) {
    return key.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] strictUtf8(String key) {
    try {
      ByteBuffer encoded =
          StandardCharsets.UTF_8
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(key));
      byte[] bytes = new byte[encoded.remaining()];
      encoded.get(bytes);
      return bytes;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("stream key is not valid Unicode: " + e, e);
    }
  }

  private static void write(Event event, byte[] key, byte[] out, int at) {
    out[at] = MAGIC_0;
    out[at + 1] = MAGIC_1;
    out[at + VERSION_AT] = (byte) VERSION;
    LONG.set(out, at + RUN_AT, event.run());
    INT.set(out, at + LUMISECTION_AT, event.lumisection());
    LONG.set(out, at + EVENT_AT, event.eventNumber());
    LONG.set(out, at + TIME_AT, event.eventTimeNanos());
    out[at + KEY_LENGTH_AT] = (byte) key.length;
    System.arraycopy(key, 0, out, at + HEADER_BYTES, key.length);
    int p = at + HEADER_BYTES + key.length;
    FLOAT.set(out, p, event.met().pt());
    FLOAT.set(out, p + 4, event.met().phi());
    out[p + 8] = (byte) event.electrons().size();
    out[p + 9] = (byte) event.muons().size();
    out[p + 10] = (byte) event.jets().size();
    p += 11;
    p = writeObjects(event.electrons(), out, p);
    p = writeObjects(event.muons(), out, p);
    writeObjects(event.jets(), out, p);
  }

  private static int writeObjects(List<Particle> objects, byte[] out, int p) {
    for (int i = 0; i < objects.size(); i++) {
      Particle o = objects.get(i);
      FLOAT.set(out, p, o.pt());
      FLOAT.set(out, p + 4, o.eta());
      FLOAT.set(out, p + 8, o.phi());
      p += OBJECT_BYTES;
    }
    return p;
  }

  // ---------------------------------------------------------------- decoding

  /**
   * The event in these bytes, which must be exactly one encoded event.
   *
   * @param bytes untrusted bytes; null is treated as empty
   * @throws EventDecodeException if they are not an event; nothing else is ever thrown
   */
  public static Event decode(byte[] bytes) {
    if (bytes == null) {
      throw new EventDecodeException(Reason.EMPTY, "no bytes (null record)");
    }
    return decode(bytes, 0, bytes.length);
  }

  /**
   * The event in the buffer's remaining bytes, which must be exactly one encoded event; on success
   * the buffer's position moves to its limit. The buffer's byte order does not matter.
   *
   * @throws EventDecodeException if they are not an event; nothing else is ever thrown
   */
  public static Event decode(ByteBuffer buffer) {
    Event event;
    if (buffer.hasArray()) {
      event = decode(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
    } else {
      byte[] copy = new byte[buffer.remaining()];
      buffer.duplicate().get(copy);
      event = decode(copy, 0, copy.length);
    }
    buffer.position(buffer.limit());
    return event;
  }

  private static Event decode(byte[] in, int at, int length) {
    checkPreamble(in, at, length);
    int keyLength = in[at + KEY_LENGTH_AT] & 0xff;
    int countsAt = at + HEADER_BYTES + keyLength + 8;
    requireLength(length, MIN_SIZE + keyLength, "the object counts");
    int electrons = in[countsAt] & 0xff;
    int muons = in[countsAt + 1] & 0xff;
    int jets = in[countsAt + 2] & 0xff;
    int size = MIN_SIZE + keyLength + OBJECT_BYTES * (electrons + muons + jets);
    requireLength(length, size, electrons + " electrons, " + muons + " muons, " + jets + " jets");
    if (length > size) {
      throw new EventDecodeException(
          Reason.TRAILING_BYTES, (length - size) + " bytes after an event of " + size + " bytes");
    }
    String stream = decodeKey(in, at + HEADER_BYTES, keyLength);
    int metAt = at + HEADER_BYTES + keyLength;
    Particle met = new Particle((float) FLOAT.get(in, metAt), 0f, (float) FLOAT.get(in, metAt + 4));
    int p = countsAt + 3;
    List<Particle> electronList = readObjects(in, p, electrons);
    p += electrons * OBJECT_BYTES;
    List<Particle> muonList = readObjects(in, p, muons);
    p += muons * OBJECT_BYTES;
    List<Particle> jetList = readObjects(in, p, jets);
    return new Event(
        (long) LONG.get(in, at + RUN_AT),
        (int) INT.get(in, at + LUMISECTION_AT),
        (long) LONG.get(in, at + EVENT_AT),
        (long) LONG.get(in, at + TIME_AT),
        stream,
        met,
        electronList,
        muonList,
        jetList);
  }

  private static void checkPreamble(byte[] in, int at, int length) {
    if (length == 0) {
      throw new EventDecodeException(Reason.EMPTY, "no bytes (zero-length record)");
    }
    if (in[at] != MAGIC_0 || (length > 1 && in[at + 1] != MAGIC_1)) {
      throw new EventDecodeException(
          Reason.BAD_MAGIC,
          "record starts with "
              + hex(in, at, Math.min(length, 2))
              + ", an event starts with 0x74 0x6d (\"tm\")");
    }
    requireLength(length, VERSION_AT + 1, "the version byte");
    int version = in[at + VERSION_AT] & 0xff;
    if (version != VERSION) {
      throw new EventDecodeException(
          Reason.WRONG_VERSION,
          "format version " + version + ", this build reads version " + VERSION);
    }
    requireLength(length, HEADER_BYTES, "the header");
  }

  private static void requireLength(int length, int needed, String what) {
    if (length < needed) {
      throw new EventDecodeException(
          Reason.TRUNCATED, "record has " + length + " bytes, needs " + needed + " for " + what);
    }
  }

  private static String decodeKey(byte[] in, int at, int length) {
    for (int i = at; i < at + length; i++) {
      if (in[i] < 0) {
        return strictUtf8(in, at, length);
      }
    }
    return new String(in, at, length, StandardCharsets.ISO_8859_1);
  }

  private static String strictUtf8(byte[] in, int at, int length) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(in, at, length))
          .toString();
    } catch (CharacterCodingException e) {
      throw new EventDecodeException(Reason.BAD_STREAM_KEY, "stream key is not valid UTF-8");
    }
  }

  private static List<Particle> readObjects(byte[] in, int p, int count) {
    if (count == 0) {
      return List.of();
    }
    Particle[] objects = new Particle[count];
    for (int i = 0; i < count; i++, p += OBJECT_BYTES) {
      objects[i] =
          new Particle(
              (float) FLOAT.get(in, p), (float) FLOAT.get(in, p + 4), (float) FLOAT.get(in, p + 8));
    }
    return List.of(objects);
  }

  private static String hex(byte[] in, int at, int length) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      s.append(i == 0 ? "" : " ").append(String.format("0x%02x", in[at + i] & 0xff));
    }
    return s.toString();
  }
}
