package io.trigmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How {@link JfrProfile} charges a sampled stack (innermost frame first) to a pipeline part. */
class JfrProfileTest {

  private static final String TASK_LOOP = "org.apache.flink.streaming.runtime.tasks.StreamTask";

  @Test
  void anEnclosingPartWinsOverTheInnermostFrame() {
    assertThat(
            JfrProfile.part(List.of("java.lang.StrictMath", "io.trigmon.nplm.NplmLoss", TASK_LOOP)))
        .isEqualTo("NPLM test");
    assertThat(
            JfrProfile.part(
                List.of(
                    "io.trigmon.flink.records.WindowAccumulatorSerializer",
                    "org.apache.flink.runtime.state.heap.HeapSnapshotStrategy",
                    TASK_LOOP)))
        .startsWith("checkpoints");
  }

  @Test
  void perRecordWorkGoesToItsInnermostPart() {
    assertThat(
            JfrProfile.part(
                List.of(
                    "org.apache.flink.core.memory.DataOutputSerializer",
                    "io.trigmon.flink.records.ScoredEventSerializer",
                    "io.trigmon.flink.functions.DecodeAndScore",
                    TASK_LOOP)))
        .isEqualTo("record serialisation and network");
    assertThat(
            JfrProfile.part(
                List.of(
                    "io.trigmon.event.EventCodec",
                    "io.trigmon.flink.functions.DecodeAndScore",
                    "org.apache.flink.runtime.io.network.SomethingOuter",
                    TASK_LOOP)))
        .isEqualTo("decode and validate");
    assertThat(JfrProfile.part(List.of("java.util.HashMap", TASK_LOOP))).startsWith("other");
  }
}
