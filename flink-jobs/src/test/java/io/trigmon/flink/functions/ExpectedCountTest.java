package io.trigmon.flink.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.trigmon.flink.records.Luminosity;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectedCountTest {

  @Test
  void lumisectionsInsideAWindowAddUp() {
    List<Luminosity> records =
        List.of(new Luminosity("s", 0, 400, 40), new Luminosity("s", 400, 1_000, 66));
    assertThat(ExpectedCount.of(records, 0, 1_000)).isEqualTo(106.0);
  }

  @Test
  void aLumisectionAcrossTheWindowEdgeCountsItsShareInside() {
    List<Luminosity> records =
        List.of(new Luminosity("s", -500, 500, 100), new Luminosity("s", 500, 1_500, 200));
    assertThat(ExpectedCount.of(records, 0, 1_000)).isEqualTo(150.0);
  }

  @Test
  void aGapLeavesTheWindowWithoutCount() {
    List<Luminosity> records =
        List.of(new Luminosity("s", 0, 400, 40), new Luminosity("s", 600, 1_000, 40));
    assertThat(ExpectedCount.of(records, 0, 1_000)).isNull();
    assertThat(ExpectedCount.of(List.of(), 0, 1_000)).isNull();
  }

  @Test
  void overlappingRecordsAreInconsistentNotMoreLuminous() {
    List<Luminosity> records =
        List.of(new Luminosity("s", 0, 1_000, 40), new Luminosity("s", 0, 1_000, 40));
    assertThat(ExpectedCount.of(records, 0, 1_000)).isNull();
  }
}
