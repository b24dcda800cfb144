package io.trigmon.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventValidatorTest {

  private static final float PI = (float) Math.PI;

  @Test
  void acceptsValidRandomEvents() {
    TestEvents events = new TestEvents(31);
    for (int i = 0; i < 20_000; i++) {
      Event event = events.next();
      Validation validation = EventValidator.validate(event);
      assertThat(validation.isValid()).as(validation.summary()).isTrue();
      assertThat(validation.validEvent()).isSameAs(event);
    }
  }

  @Test
  void acceptsValuesOnTheBoundaries() {
    Event event =
        TestEvents.event().eventNumber(0).run(0).lumisection(0).timeNanos(0).stream(
                "a".repeat(StreamKey.MAX_LENGTH))
            .met(0, -PI)
            .electron(0, 3.0, PI)
            .muon(1, -3.0, -PI)
            .jet(1, 5.0, 0)
            .jet(1, -5.0, 0)
            .jets(62)
            .build();
    assertThat(EventValidator.validate(event).problems()).isEmpty();
  }

  @Test
  void stream() {
    for (String key : List.of("", "two words", "a/b", "ü", "a".repeat(65), "tab\t")) {
      assertOnly(TestEvents.event().stream(key).build(), Reason.BAD_STREAM_KEY);
    }
    assertThat(EventValidator.validate(TestEvents.event().stream("tab\t").build()).summary())
        .isEqualTo("bad_stream_key: stream 'tab\\u0009' is not 1-64 characters of [A-Za-z0-9_.:-]");
  }

  @Test
  void negativeTime() {
    assertOnly(TestEvents.event().timeNanos(-1).build(), Reason.NEGATIVE_TIME);
  }

  @Test
  void negativeIds() {
    assertOnly(TestEvents.event().run(-1).build(), Reason.NEGATIVE_ID);
    assertOnly(TestEvents.event().lumisection(-1).build(), Reason.NEGATIVE_ID);
    assertOnly(TestEvents.event().eventNumber(Long.MIN_VALUE).build(), Reason.NEGATIVE_ID);
  }

  @Test
  void nonFinite() {
    assertOnly(TestEvents.event().met(Float.NaN, 0).build(), Reason.NON_FINITE);
    assertOnly(
        TestEvents.event().electron(10, Float.POSITIVE_INFINITY, 0).build(), Reason.NON_FINITE);
    assertOnly(TestEvents.event().muon(10, 0, Float.NEGATIVE_INFINITY).build(), Reason.NON_FINITE);
    assertOnly(TestEvents.event().jet(Float.NaN, 0, 0).build(), Reason.NON_FINITE);
  }

  @Test
  void negativePt() {
    assertOnly(TestEvents.event().met(-1, 0).build(), Reason.NEGATIVE_PT);
    assertOnly(TestEvents.event().jet(-Float.MIN_VALUE, 0, 0).build(), Reason.NEGATIVE_PT);
  }

  @Test
  void etaOutOfAcceptance() {
    assertOnly(
        TestEvents.event().electron(10, Math.nextUp(3.0f), 0).build(),
        Reason.ETA_OUT_OF_ACCEPTANCE);
    assertOnly(TestEvents.event().muon(10, -3.5, 0).build(), Reason.ETA_OUT_OF_ACCEPTANCE);
    assertOnly(TestEvents.event().jet(10, 5.01, 0).build(), Reason.ETA_OUT_OF_ACCEPTANCE);
    assertOnly(
        TestEvents.event().met(new Particle(10, 0.1f, 0)).build(), Reason.ETA_OUT_OF_ACCEPTANCE);
  }

  @Test
  void phiOutOfRange() {
    assertOnly(TestEvents.event().met(10, Math.nextUp(PI)).build(), Reason.PHI_OUT_OF_RANGE);
    assertOnly(TestEvents.event().jet(10, 0, -4).build(), Reason.PHI_OUT_OF_RANGE);
    assertOnly(TestEvents.event().electron(10, 0, 2 * Math.PI).build(), Reason.PHI_OUT_OF_RANGE);
  }

  @Test
  void tooManyObjects() {
    assertThat(EventValidator.validate(TestEvents.event().jets(64).build()).isValid()).isTrue();
    assertOnly(TestEvents.event().jets(65).build(), Reason.TOO_MANY_OBJECTS);
    TestEvents.Builder muons = TestEvents.event();
    for (int i = 0; i < 65; i++) {
      muons.muon(20, 0, 0);
    }
    assertOnly(muons.build(), Reason.TOO_MANY_OBJECTS);
  }

  @Test
  void listsEveryProblemInOrder() {
    Event event =
        TestEvents.event().stream("")
            .timeNanos(-5)
            .met(Float.NaN, 7)
            .electron(-1, 2.9, 0)
            .muon(10, Float.NaN, Float.NaN)
            .jet(-3, 9, -9)
            .build();
    Validation validation = EventValidator.validate(event);
    assertThat(validation.problems())
        .extracting(Problem::reason)
        .containsExactly(
            Reason.BAD_STREAM_KEY,
            Reason.NEGATIVE_TIME,
            Reason.NON_FINITE,
            Reason.PHI_OUT_OF_RANGE,
            Reason.NEGATIVE_PT,
            Reason.NON_FINITE,
            Reason.NON_FINITE,
            Reason.NEGATIVE_PT,
            Reason.ETA_OUT_OF_ACCEPTANCE,
            Reason.PHI_OUT_OF_RANGE);
    assertThat(validation.reason()).isEqualTo(Reason.BAD_STREAM_KEY);
    assertThat(validation.event()).isSameAs(event);
    assertThat(validation.problems().get(8).detail())
        .isEqualTo("jets[0] eta=9.0 beyond |eta| <= 5.0");
    assertThat(validation.summary())
        .contains("non_finite: muons[0] eta=NaN; non_finite: muons[0] phi=NaN");
  }

  @Test
  void honoursOtherLimits() {
    EventLimits tight = new EventLimits(2.4f, 4.7f, 10);
    assertThat(
            EventValidator.validate(TestEvents.event().muon(10, 2.45, 0).build(), tight).reason())
        .isEqualTo(Reason.ETA_OUT_OF_ACCEPTANCE);
    assertThat(EventValidator.validate(TestEvents.event().jets(11).build(), tight).reason())
        .isEqualTo(Reason.TOO_MANY_OBJECTS);
    assertThatThrownBy(() -> new EventLimits(2.4f, 4.7f, 256))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void decodeAndValidateReturnsTheValidEvent() {
    Event event = new TestEvents(32).next();
    Validation validation = EventValidator.decodeAndValidate(EventCodec.encode(event));
    assertThat(validation.isValid()).isTrue();
    assertThat(validation.validEvent()).isEqualTo(event);
  }

  @Test
  void decodeAndValidateMapsDecodeFailuresToReasons() {
    Validation validation = EventValidator.decodeAndValidate(new byte[] {1, 2, 3});
    assertThat(validation.isValid()).isFalse();
    assertThat(validation.event()).isNull();
    assertThat(validation.reason()).isEqualTo(Reason.BAD_MAGIC);
    assertThat(validation.problems()).hasSize(1);
    assertThatThrownBy(validation::validEvent).isInstanceOf(IllegalStateException.class);
    assertThat(EventValidator.decodeAndValidate(null).reason()).isEqualTo(Reason.EMPTY);
  }

  @Test
  void decodeAndValidateReportsEveryHostileRecordWithItsReason() {
    for (HostileRecords.Hostile hostile : new HostileRecords(33).next(5_000)) {
      Validation validation = EventValidator.decodeAndValidate(hostile.bytes());
      assertThat(validation.problems()).as(hostile.toString()).hasSize(1);
      assertThat(validation.reason()).as(hostile.toString()).isEqualTo(hostile.expected());
    }
  }

  @Test
  void hostileRecordsCoverEveryReason() {
    Set<Reason> covered = new HashSet<>();
    new HostileRecords().oneOfEach().forEach(h -> covered.add(h.expected()));
    covered.add(Reason.UNDECODABLE); // JSON only: see EventJsonTest
    assertThat(covered).containsExactlyInAnyOrder(Reason.values());
  }

  @Test
  void reasonCodesAreStableLowerSnakeCaseAndUnique() {
    Set<String> codes = new HashSet<>();
    for (Reason reason : Reason.values()) {
      assertThat(reason.code()).matches("[a-z]+(_[a-z]+)*");
      assertThat(reason.code()).isEqualTo(reason.name().toLowerCase(java.util.Locale.ROOT));
      assertThat(Reason.ofCode(reason.code())).isSameAs(reason);
      assertThat(codes.add(reason.code())).isTrue();
    }
    assertThat(Arrays.stream(Reason.values()).map(Reason::code))
        .contains(
            "undecodable",
            "wrong_version",
            "non_finite",
            "negative_pt",
            "eta_out_of_acceptance",
            "phi_out_of_range",
            "too_many_objects",
            "empty",
            "bad_stream_key",
            "negative_time");
    assertThatThrownBy(() -> Reason.ofCode("nope")).isInstanceOf(IllegalArgumentException.class);
  }

  private static void assertOnly(Event event, Reason reason) {
    Validation validation = EventValidator.validate(event);
    assertThat(validation.problems())
        .as(validation.summary())
        .extracting(Problem::reason)
        .containsExactly(reason);
    assertThat(validation.isValid()).isFalse();
  }
}
