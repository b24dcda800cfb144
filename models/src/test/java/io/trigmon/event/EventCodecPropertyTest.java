package io.trigmon.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Properties of the decoder on untrusted bytes: it either returns an event or throws {@link
 * EventDecodeException}, never anything else; and whatever it accepts is canonical (re-encoding
 * gives back the same bytes).
 */
class EventCodecPropertyTest {

  @Test
  void randomBytesOnlyEverFailWithADecodeException() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 50_000; i++) {
      byte[] bytes = new byte[random.nextInt(300)];
      fill(random, bytes, 0);
      decodeOrReject(bytes);
    }
  }

  @Test
  void randomContentInAWellFormedFrameOnlyEverFailsWithADecodeException() {
    SplittableRandom random = new SplittableRandom(12);
    int accepted = 0;
    for (int i = 0; i < 50_000; i++) {
      int keyLength = random.nextInt(8);
      int electrons = random.nextInt(4);
      int muons = random.nextInt(4);
      int jets = random.nextInt(4);
      // Off by a few bytes now and then, to reach the length checks with plausible counts.
      int slack = random.nextInt(4) == 0 ? random.nextInt(-3, 4) : 0;
      int size =
          EventCodec.MIN_SIZE + keyLength + EventCodec.OBJECT_BYTES * (electrons + muons + jets);
      byte[] bytes = new byte[Math.max(EventCodec.MIN_SIZE + keyLength, size + slack)];
      fill(random, bytes, 0);
      bytes[0] = EventCodec.MAGIC_0;
      bytes[1] = EventCodec.MAGIC_1;
      bytes[2] = (byte) EventCodec.VERSION;
      bytes[31] = (byte) keyLength;
      int countsAt = 32 + keyLength + 8;
      bytes[countsAt] = (byte) electrons;
      bytes[countsAt + 1] = (byte) muons;
      bytes[countsAt + 2] = (byte) jets;
      accepted += decodeOrReject(bytes) ? 1 : 0;
    }
    assertThat(accepted).as("well-formed records with random content are accepted").isPositive();
  }

  @Test
  void everyTruncationOfValidEncodingsIsRejectedAsTruncated() {
    TestEvents events = new TestEvents(13);
    for (int i = 0; i < 300; i++) {
      byte[] bytes = EventCodec.encode(events.nextArbitrary());
      for (int length = 1; length < bytes.length; length++) {
        Reason reason = reasonOf(Arrays.copyOf(bytes, length));
        if (reason != Reason.TRUNCATED) {
          fail("truncation to " + length + " of " + bytes.length + " bytes gave " + reason);
        }
      }
    }
  }

  @Test
  void bitFlipsOfValidEncodingsDecodeCanonicallyOrFailWithADecodeException() {
    TestEvents events = new TestEvents(14);
    SplittableRandom random = new SplittableRandom(15);
    for (int i = 0; i < 5_000; i++) {
      byte[] bytes = EventCodec.encode(i % 2 == 0 ? events.next() : events.nextArbitrary());
      for (int flip = 0; flip < 10; flip++) {
        byte[] flipped = bytes.clone();
        int flips = 1 + random.nextInt(3);
        for (int f = 0; f < flips; f++) {
          int bit = random.nextInt(flipped.length * 8);
          flipped[bit / 8] ^= (byte) (1 << (bit % 8));
        }
        decodeOrReject(flipped);
      }
    }
  }

  @Test
  void validEncodingsDecodeToEqualEvents() {
    TestEvents events = new TestEvents(16);
    for (int i = 0; i < 10_000; i++) {
      Event event = i % 2 == 0 ? events.next() : events.nextArbitrary();
      assertThat(EventCodec.decode(EventCodec.encode(event))).isEqualTo(event);
    }
  }

  /**
   * Decodes, failing the test on any exception but {@link EventDecodeException}; an accepted record
   * must re-encode to the same bytes. Returns whether the record was accepted.
   */
  private static boolean decodeOrReject(byte[] bytes) {
    Event event;
    try {
      event = EventCodec.decode(bytes);
    } catch (EventDecodeException expected) {
      return false;
    } catch (RuntimeException | Error e) {
      throw new AssertionError("decode threw " + e + " on " + Arrays.toString(bytes), e);
    }
    if (!Arrays.equals(EventCodec.encode(event), bytes)) {
      fail("accepted bytes do not re-encode identically: " + Arrays.toString(bytes));
    }
    return true;
  }

  private static Reason reasonOf(byte[] bytes) {
    try {
      EventCodec.decode(bytes);
      return null;
    } catch (EventDecodeException e) {
      return e.reason();
    }
  }

  private static void fill(SplittableRandom random, byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      bytes[i] = (byte) random.nextInt(256);
    }
  }
}
