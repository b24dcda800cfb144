package io.trigmon.flink.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.trigmon.flink.records.Luminosity;
import io.trigmon.flink.records.WindowSample;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link ExpectedCountJoin} in a keyed two-input harness: event-time join, state cleared. */
class ExpectedCountJoinTest {

  private KeyedTwoInputStreamOperatorTestHarness<String, WindowSample, Luminosity, WindowSample>
      harness;

  @BeforeEach
  void open() throws Exception {
    harness =
        new KeyedTwoInputStreamOperatorTestHarness<>(
            new KeyedCoProcessOperator<>(new ExpectedCountJoin()),
            WindowSample::stream,
            Luminosity::stream,
            Types.STRING);
    harness.open();
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void aWindowLeavesWithItsCountOnceTheWatermarkPassesItsEnd() throws Exception {
    harness.processElement1(window("s", 0, 1_000));
    harness.processElement2(lumi("s", 500, 1_000, 60));
    harness.processElement2(lumi("s", 0, 500, 40));
    harness.processElement2(lumi("s", 1_000, 1_500, 70));
    harness.processBothWatermarks(new Watermark(998));
    assertThat(harness.extractOutputValues()).isEmpty();

    harness.processBothWatermarks(new Watermark(999));

    assertThat(harness.extractOutputValues())
        .extracting(WindowSample::expected)
        .containsExactly(100.0);
    // The window and the two records it used are gone; the next lumisection stays.
    assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void aWindowWithoutFullCoverageLeavesWithoutCountAndStateIsCleared() throws Exception {
    harness.processElement2(lumi("s", 0, 500, 40));
    harness.processElement2(lumi("t", 0, 1_000, 99));
    harness.processElement1(window("s", 0, 1_000));
    harness.processBothWatermarks(new Watermark(Long.MAX_VALUE));

    List<WindowSample> out = harness.extractOutputValues();
    assertThat(out).hasSize(1);
    assertThat(out.get(0).expected()).isNull();
    assertThat(out.get(0).stream()).isEqualTo("s");
    // Only stream t's record is left: it ends no later than any window of t still to come.
    assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  private static StreamRecord<WindowSample> window(String stream, long start, long end) {
    return new StreamRecord<>(
        new WindowSample(
            stream, start, end, 1, new double[][] {{1, 2, 3, 4, 5}}, new float[] {0}, null),
        end - 1);
  }

  private static StreamRecord<Luminosity> lumi(String stream, long start, long end, double n) {
    return new StreamRecord<>(new Luminosity(stream, start, end, n), start);
  }
}
