package io.trigmon.flink.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LuminosityTest {

  @Test
  void jsonRoundTrip() {
    Luminosity l = new Luminosity("DoubleMuon", 1_000, 24_311, 1012.5);
    assertThat(Luminosity.fromJson(l.toJson())).isEqualTo(l);
  }

  @Test
  void badRecordsSayWhatIsWrong() {
    assertThatThrownBy(() -> parse("nope")).hasMessageStartingWith("not JSON");
    assertThatThrownBy(() -> parse("{\"start_ms\":0,\"end_ms\":1,\"expected_events\":1}"))
        .hasMessageStartingWith("stream:");
    assertThatThrownBy(
            () -> parse("{\"stream\":\"s\",\"start_ms\":5,\"end_ms\":5,\"expected_events\":1}"))
        .hasMessageContaining("must be after");
    assertThatThrownBy(
            () -> parse("{\"stream\":\"s\",\"start_ms\":0,\"end_ms\":5,\"expected_events\":-2}"))
        .hasMessageStartingWith("expected_events");
    assertThatThrownBy(() -> Luminosity.fromJson(new byte[0])).hasMessage("empty record");
  }

  @Test
  void expectedEventsWithinAnIntervalScaleWithItsOverlap() {
    Luminosity l = new Luminosity("s", 1_000, 3_000, 100);
    assertThat(l.expectedWithin(0, 2_000)).isEqualTo(50.0);
    assertThat(l.expectedWithin(0, 10_000)).isEqualTo(100.0);
    assertThat(l.expectedWithin(3_000, 4_000)).isZero();
  }

  private static Luminosity parse(String json) {
    return Luminosity.fromJson(json.getBytes(StandardCharsets.UTF_8));
  }
}
