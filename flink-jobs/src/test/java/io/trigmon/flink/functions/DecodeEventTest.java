package io.trigmon.flink.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.trigmon.event.Event;
import io.trigmon.event.EventCodec;
import io.trigmon.event.Particle;
import io.trigmon.flink.records.DeadLetter;
import io.trigmon.flink.records.RawRecord;
import io.trigmon.flink.records.ScoredEvent;
import java.util.List;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class DecodeEventTest {

  static Event dimuon(long timeNanos, float ptMuon) {
    return new Event(
        1,
        1,
        7,
        timeNanos,
        "DoubleMuon",
        new Particle(10f, 0f, 0.5f),
        List.of(),
        List.of(new Particle(80f, 0.3f, 1.0f), new Particle(ptMuon, -1.1f, -2.0f)),
        List.of());
  }

  static RawRecord raw(byte[] value) {
    return new RawRecord("events.valid", 0, 42, null, value);
  }

  @Test
  void validEventBecomesScoredEventWithDileptonFeatures() throws Exception {
    try (var harness =
        new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(new DecodeEvent()))) {
      harness.open();
      harness.processElement(new StreamRecord<>(raw(EventCodec.encode(dimuon(5_000_000, 60f)))));

      List<ScoredEvent> out = harness.extractOutputValues();
      assertThat(out).hasSize(1);
      assertThat(out.get(0).stream()).isEqualTo("DoubleMuon");
      assertThat(out.get(0).eventTimeNanos()).isEqualTo(5_000_000);
      assertThat(out.get(0).dilepton()).hasSize(5);
      assertThat(out.get(0).dilepton()[0]).isEqualTo(80.0);
      assertThat(harness.getSideOutput(DecodeEvent.DEAD_LETTERS)).isNull();
    }
  }

  @Test
  void badRecordsGoToTheDeadLetterSideOutputWithTheirReason() throws Exception {
    try (var harness =
        new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(new DecodeEvent()))) {
      harness.open();
      byte[] garbage = {1, 2, 3, 4};
      harness.processElement(new StreamRecord<>(raw(garbage)));
      harness.processElement(new StreamRecord<>(raw(EventCodec.encode(dimuon(1, -5f)))));
      harness.processElement(new StreamRecord<>(raw(null)));

      assertThat(harness.extractOutputValues()).isEmpty();
      List<DeadLetter> letters =
          harness.getSideOutput(DecodeEvent.DEAD_LETTERS).stream()
              .map(StreamRecord::getValue)
              .toList();
      assertThat(letters)
          .extracting(DeadLetter::reason)
          .containsExactly("bad_magic", "negative_pt", "empty");
      assertThat(letters.get(0).source().value()).isEqualTo(garbage);
      assertThat(letters.get(0).source().offset()).isEqualTo(42);
    }
  }
}
