package io.trigmon.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class EventCodecTest {

  private static final Event GOLDEN =
      new Event(
          1,
          2,
          3,
          4,
          "ab",
          new Particle(1f, 0f, -1f),
          List.of(new Particle(2f, 0.5f, 0.25f)),
          List.of(),
          List.of());

  /** The bytes of {@link #GOLDEN}, written out by hand from the layout table. */
  private static final String GOLDEN_HEX =
      "746d01"
          + "0100000000000000"
          + "02000000"
          + "0300000000000000"
          + "0400000000000000"
          + "02"
          + "6162"
          + "0000803f"
          + "000080bf"
          + "010000"
          + "00000040"
          + "0000003f"
          + "0000803e";

  @Test
  void writesTheDocumentedLayout() {
    assertThat(HexFormat.of().formatHex(EventCodec.encode(GOLDEN))).isEqualTo(GOLDEN_HEX);
  }

  @Test
  void readsTheDocumentedLayout() {
    assertThat(EventCodec.decode(HexFormat.of().parseHex(GOLDEN_HEX))).isEqualTo(GOLDEN);
  }

  @Test
  void roundTripsValidRandomEvents() {
    TestEvents events = new TestEvents(1);
    for (int i = 0; i < 20_000; i++) {
      Event event = events.next();
      byte[] bytes = EventCodec.encode(event);
      assertThat(bytes).hasSize(EventCodec.encodedSize(event));
      assertThat(EventCodec.decode(bytes)).isEqualTo(event);
    }
  }

  @Test
  void roundTripsArbitraryEventsBitForBit() {
    TestEvents events = new TestEvents(2);
    for (int i = 0; i < 5_000; i++) {
      Event event = events.nextArbitrary();
      byte[] bytes = EventCodec.encode(event);
      Event decoded = EventCodec.decode(bytes);
      assertThat(decoded).isEqualTo(event);
      assertThat(EventCodec.encode(decoded)).isEqualTo(bytes);
    }
  }

  @Test
  void roundTripsTheLargestEvent() {
    Event largest = new TestEvents(3).nextLargest();
    byte[] bytes = EventCodec.encode(largest);
    assertThat(bytes).hasSize(EventCodec.MIN_SIZE + 255 + 3 * 255 * EventCodec.OBJECT_BYTES);
    assertThat(EventCodec.decode(bytes)).isEqualTo(largest);
  }

  @Test
  void roundTripsAnEventWithoutObjects() {
    Event bare = TestEvents.event().build();
    assertThat(EventCodec.encode(bare)).hasSize(EventCodec.MIN_SIZE + bare.stream().length());
    assertThat(EventCodec.decode(EventCodec.encode(bare))).isEqualTo(bare);
  }

  @Test
  void encodesIntoABufferAtItsPositionWhateverItsOrder() {
    Event event = new TestEvents(4).next();
    byte[] expected = EventCodec.encode(event);
    for (ByteBuffer buffer :
        List.of(
            ByteBuffer.allocate(1000).order(ByteOrder.BIG_ENDIAN),
            ByteBuffer.allocateDirect(1000))) {
      ByteOrder order = buffer.order();
      buffer.position(7);
      EventCodec.encode(event, buffer);
      assertThat(buffer.position()).isEqualTo(7 + expected.length);
      assertThat(buffer.order()).isEqualTo(order);
      byte[] written = new byte[expected.length];
      buffer.get(7, written);
      assertThat(written).isEqualTo(expected);

      buffer.position(7).limit(7 + expected.length);
      assertThat(EventCodec.decode(buffer)).isEqualTo(event);
      assertThat(buffer.position()).isEqualTo(buffer.limit());
    }
  }

  @Test
  void refusesABufferTooSmallWithoutWritingToIt() {
    Event event = new TestEvents(5).next();
    ByteBuffer buffer = ByteBuffer.allocate(EventCodec.encodedSize(event) - 1);
    assertThatThrownBy(() -> EventCodec.encode(event, buffer))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(buffer.position()).isZero();
    assertThat(buffer.array()).containsOnly(0);
  }

  @Test
  void refusesEventsItCannotRepresent() {
    assertThatThrownBy(() -> EventCodec.encode(TestEvents.event().jets(256).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("256 jets");
    assertThatThrownBy(() -> EventCodec.encode(TestEvents.event().stream("é".repeat(128)).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("256 UTF-8 bytes");
    assertThatThrownBy(() -> EventCodec.encode(TestEvents.event().stream("a\ud800").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not valid Unicode");
    assertThatThrownBy(
            () -> EventCodec.encode(TestEvents.event().met(new Particle(10, 0.5f, 1)).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MET");
  }

  @Test
  void rejectsNullAndEmptyRecords() {
    assertReason(() -> EventCodec.decode((byte[]) null), Reason.EMPTY);
    assertReason(() -> EventCodec.decode(new byte[0]), Reason.EMPTY);
    assertReason(() -> EventCodec.decode(ByteBuffer.allocate(0)), Reason.EMPTY);
  }

  @Test
  void rejectsOtherFormatsByTheirMagic() {
    byte[] json = EventJson.toJson(GOLDEN).getBytes(StandardCharsets.UTF_8);
    assertReason(() -> EventCodec.decode(json), Reason.BAD_MAGIC);
    assertReason(() -> EventCodec.decode(new byte[] {0x74, 0x00, 1}), Reason.BAD_MAGIC);
    assertReason(() -> EventCodec.decode(new byte[] {0x00}), Reason.BAD_MAGIC);
  }

  @Test
  void rejectsUnknownVersions() {
    for (int version : new int[] {0, 2, 255}) {
      byte[] bytes = EventCodec.encode(GOLDEN);
      bytes[2] = (byte) version;
      assertThatThrownBy(() -> EventCodec.decode(bytes))
          .isInstanceOfSatisfying(
              EventDecodeException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_VERSION))
          .hasMessageContaining("version " + version);
    }
  }

  @Test
  void rejectsEveryTruncation() {
    byte[] bytes = EventCodec.encode(new TestEvents(6).nextWithCounts(2, 3, 7));
    for (int length = 1; length < bytes.length; length++) {
      byte[] cut = Arrays.copyOf(bytes, length);
      assertReason(() -> EventCodec.decode(cut), Reason.TRUNCATED);
    }
  }

  @Test
  void rejectsTrailingBytes() {
    byte[] bytes = Arrays.copyOf(EventCodec.encode(GOLDEN), GOLDEN_HEX.length() / 2 + 1);
    assertReason(() -> EventCodec.decode(bytes), Reason.TRAILING_BYTES);
  }

  @Test
  void rejectsCountsTheRecordDoesNotHoldBeforeAllocating() {
    byte[] bytes = EventCodec.encode(GOLDEN);
    int countsAt = 32 + 2 + 8;
    bytes[countsAt] = (byte) 255;
    bytes[countsAt + 1] = (byte) 255;
    bytes[countsAt + 2] = (byte) 255;
    assertThatThrownBy(() -> EventCodec.decode(bytes))
        .isInstanceOfSatisfying(
            EventDecodeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TRUNCATED))
        .hasMessageContaining("255 electrons, 255 muons, 255 jets");
  }

  @Test
  void rejectsAStreamKeyThatIsNotUtf8() {
    byte[] bytes = EventCodec.encode(GOLDEN);
    bytes[32] = (byte) 0xc3;
    bytes[33] = (byte) 0x28;
    assertReason(() -> EventCodec.decode(bytes), Reason.BAD_STREAM_KEY);
  }

  @Test
  void readsNonAsciiStreamKeys() {
    Event event = TestEvents.event().stream("ü-触发-🙂").build();
    assertThat(EventCodec.decode(EventCodec.encode(event))).isEqualTo(event);
  }

  @Test
  void hostileRecordsFailWithTheirReason() {
    for (HostileRecords.Hostile hostile : new HostileRecords(7).next(2_000)) {
      if (hostile.expected() == Reason.EMPTY
          || hostile.expected() == Reason.BAD_MAGIC
          || hostile.expected() == Reason.WRONG_VERSION
          || hostile.expected() == Reason.TRUNCATED
          || hostile.expected() == Reason.TRAILING_BYTES
          || hostile.kind() == HostileRecords.Kind.NON_UTF8_STREAM_KEY) {
        assertReason(() -> EventCodec.decode(hostile.bytes()), hostile.expected());
      } else {
        assertThat(EventCodec.decode(hostile.bytes())).as(hostile.toString()).isNotNull();
      }
    }
  }

  static void assertReason(ThrowingCallable call, Reason reason) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            EventDecodeException.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessageStartingWith(reason.code() + ": ");
  }
}
