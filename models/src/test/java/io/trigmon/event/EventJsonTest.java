package io.trigmon.event;

import static io.trigmon.event.EventCodecTest.assertReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventJsonTest {

  private static final String EXAMPLE =
      "{\"run\":370293,\"lumisection\":42,\"event\":1234567,\"time_ns\":1700000000123456789,"
          + "\"stream\":\"dimuon\",\"met\":{\"pt\":31.5,\"phi\":-2.1},\"electrons\":[],"
          + "\"muons\":[{\"pt\":55.2,\"eta\":0.31,\"phi\":1.2},{\"pt\":41.0,\"eta\":-1.1,\"phi\":-1.9}],"
          + "\"jets\":[{\"pt\":35.7,\"eta\":2.8,\"phi\":0.4}]}";

  @Test
  void readsTheDocumentedExample() {
    Event event = EventJson.fromJson(EXAMPLE);
    assertThat(event)
        .isEqualTo(
            new Event(
                370293,
                42,
                1234567,
                1700000000123456789L,
                "dimuon",
                new Particle(31.5f, 0f, -2.1f),
                List.of(),
                List.of(new Particle(55.2f, 0.31f, 1.2f), new Particle(41.0f, -1.1f, -1.9f)),
                List.of(new Particle(35.7f, 2.8f, 0.4f))));
    assertThat(EventJson.toJson(event)).isEqualTo(EXAMPLE);
  }

  @Test
  void usesTheReadableFieldNames() throws Exception {
    JsonNode json =
        new ObjectMapper()
            .readTree(EventJson.toJson(TestEvents.event().electron(20, 1, 2).build()));
    assertThat(json.fieldNames())
        .toIterable()
        .containsExactly(
            "run",
            "lumisection",
            "event",
            "time_ns",
            "stream",
            "met",
            "electrons",
            "muons",
            "jets");
    assertThat(json.get("met").fieldNames()).toIterable().containsExactly("pt", "phi");
    assertThat(json.get("electrons").get(0).fieldNames())
        .toIterable()
        .containsExactly("pt", "eta", "phi");
  }

  @Test
  void roundTripsValidRandomEvents() {
    TestEvents events = new TestEvents(21);
    for (int i = 0; i < 5_000; i++) {
      Event event = events.next();
      assertThat(EventJson.fromJson(EventJson.toJson(event))).isEqualTo(event);
    }
  }

  @Test
  void roundTripsArbitraryEventsIncludingNonFiniteValues() {
    TestEvents events = new TestEvents(22);
    for (int i = 0; i < 300; i++) {
      Event event = events.nextArbitrary();
      assertThat(EventJson.fromJson(EventJson.toJson(event))).isEqualTo(event);
    }
    Event largest = events.nextLargest();
    assertThat(EventJson.fromJson(EventJson.toJson(largest))).isEqualTo(largest);
  }

  @Test
  void roundTripsEveryKindOfFloatExactly() {
    SplittableRandom random = new SplittableRandom(23);
    for (int i = 0; i < 20_000; i++) {
      float value = Float.intBitsToFloat(random.nextInt());
      Event event = TestEvents.event().met(new Particle(value, 0f, -value)).build();
      Particle met = EventJson.fromJson(EventJson.toJson(event)).met();
      assertThat(Float.floatToIntBits(met.pt())).isEqualTo(Float.floatToIntBits(value));
      assertThat(Float.floatToIntBits(met.phi())).isEqualTo(Float.floatToIntBits(-value));
    }
  }

  @Test
  void writesNonFiniteValuesAsStrings() {
    Event event =
        TestEvents.event().jet(Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY).build();
    assertThat(EventJson.toJson(event))
        .contains("{\"pt\":\"NaN\",\"eta\":\"Infinity\",\"phi\":\"-Infinity\"}");
  }

  @Test
  void objectListsMayBeLeftOut() {
    Event event =
        EventJson.fromJson(
            "{\"run\":1,\"lumisection\":2,\"event\":3,\"time_ns\":4,\"stream\":\"s\","
                + "\"met\":{\"phi\":0.5,\"pt\":10}}");
    assertThat(event)
        .isEqualTo(
            new Event(1, 2, 3, 4, "s", Particle.met(10, 0.5), List.of(), List.of(), List.of()));
  }

  @Test
  void rejectsEmptyText() {
    assertReason(() -> EventJson.fromJson(null), Reason.EMPTY);
    assertReason(() -> EventJson.fromJson(" \n"), Reason.EMPTY);
  }

  @Test
  void saysWhatIsWrongAndWhere() {
    String good = EventJson.toJson(TestEvents.event().muon(30, 1, 1).build());
    assertUndecodable("not json", "Unrecognized token");
    assertUndecodable("[1, 2]", "expected a JSON object");
    assertUndecodable(good + " {}", "unexpected content after the event");
    assertUndecodable(good.replace("\"run\":370293,", ""), "missing field 'run'");
    assertUndecodable(good.replace("\"run\":370293", "\"run\":1.5"), "'run' must be an integer");
    assertUndecodable(
        good.replace("\"lumisection\":1", "\"lumisection\":4294967296"), "out of range of int");
    assertUndecodable(
        good.replace("\"stream\":\"dimuon\"", "\"stream\":7"), "'stream' must be a string");
    assertUndecodable(good.replace("\"run\"", "\"runn\""), "unknown field 'runn'");
    assertUndecodable(
        good.replace("\"run\":370293,", "\"run\":1,\"run\":2,"), "duplicate field 'run'");
    assertUndecodable(good.replace("\"muons\":[", "\"muons\":[7,"), "muons[0] must be an object");
    assertUndecodable(good.replace("\"eta\":1.0,", ""), "missing field 'muons[0].eta'");
    assertUndecodable(
        good.replace("\"eta\":1.0", "\"eta\":\"high\""), "'muons[0].eta' must be a number");
    assertUndecodable(good.replace("\"eta\":1.0", "\"mass\":0.1"), "unknown field 'muons[0].mass'");
    assertUndecodable(good.replace("\"met\":{\"pt\":10.0,", "\"met\":{"), "missing field 'met.pt'");
    assertUndecodable(good.replace("\"jets\":[]", "\"jets\":{}"), "'jets' must be an array");
    assertUndecodable(good.substring(0, good.length() - 5), "line 1, column");
  }

  @Test
  void refusesToWriteAMetWithEta() {
    assertThatThrownBy(
            () -> EventJson.toJson(TestEvents.event().met(new Particle(1, 1, 1)).build()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void assertUndecodable(String json, String message) {
    assertThatThrownBy(() -> EventJson.fromJson(json))
        .as(json)
        .isInstanceOfSatisfying(
            EventDecodeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNDECODABLE))
        .hasMessageContaining(message);
  }
}
