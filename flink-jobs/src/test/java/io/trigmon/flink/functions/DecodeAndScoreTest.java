package io.trigmon.flink.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.trigmon.autoencoder.AutoencoderModel;
import io.trigmon.autoencoder.EventScorer;
import io.trigmon.event.Event;
import io.trigmon.event.EventCodec;
import io.trigmon.event.Particle;
import io.trigmon.flink.MonitorModels;
import io.trigmon.flink.TestAutoencoder;
import io.trigmon.flink.records.DeadLetter;
import io.trigmon.flink.records.RawRecord;
import io.trigmon.flink.records.ScoredEvent;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecodeAndScoreTest {

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

  @TempDir Path models;

  @Test
  void validEventBecomesScoredEventWithDileptonFeatures() throws Exception {
    try (var harness =
        new OneInputStreamOperatorTestHarness<>(new DecodeAndScore(models.toString()))) {
      harness.open();
      harness.processElement(new StreamRecord<>(raw(EventCodec.encode(dimuon(5_000_000, 60f)))));

      List<ScoredEvent> out = harness.extractOutputValues();
      assertThat(out).hasSize(1);
      assertThat(out.get(0).stream()).isEqualTo("DoubleMuon");
      assertThat(out.get(0).eventTimeNanos()).isEqualTo(5_000_000);
      assertThat(out.get(0).dilepton()).hasSize(5);
      assertThat(out.get(0).dilepton()[0]).isEqualTo(80.0);
      assertThat(out.get(0).aeScore()).as("no autoencoder in the model directory").isNaN();
      assertThat(harness.getSideOutput(DecodeAndScore.DEAD_LETTERS)).isNull();
    }
  }

  @Test
  void badRecordsGoToTheDeadLetterSideOutputWithTheirReason() throws Exception {
    try (var harness =
        new OneInputStreamOperatorTestHarness<>(new DecodeAndScore(models.toString()))) {
      harness.open();
      byte[] garbage = {1, 2, 3, 4};
      harness.processElement(new StreamRecord<>(raw(garbage)));
      harness.processElement(new StreamRecord<>(raw(EventCodec.encode(dimuon(1, -5f)))));
      harness.processElement(new StreamRecord<>(raw(null)));

      assertThat(harness.extractOutputValues()).isEmpty();
      List<DeadLetter> letters =
          harness.getSideOutput(DecodeAndScore.DEAD_LETTERS).stream()
              .map(StreamRecord::getValue)
              .toList();
      assertThat(letters)
          .extracting(DeadLetter::reason)
          .containsExactly("bad_magic", "negative_pt", "empty");
      assertThat(letters.get(0).source().value()).isEqualTo(garbage);
      assertThat(letters.get(0).source().offset()).isEqualTo(42);
    }
  }

  @Test
  void withAnAutoencoderEachEventCarriesItsScore() throws Exception {
    AutoencoderModel model = TestAutoencoder.small();
    model.save(models.resolve(MonitorModels.AUTOENCODER), "ae-test");
    Event event = dimuon(5_000_000, 60f);
    try (var harness =
        new OneInputStreamOperatorTestHarness<>(new DecodeAndScore(models.toString()))) {
      harness.open();
      harness.processElement(new StreamRecord<>(raw(EventCodec.encode(event)), 7));
      assertThat(harness.extractOutputValues()).as("waits for its micro-batch").isEmpty();
      harness.setProcessingTime(DecodeAndScore.MAX_DELAY_MS);

      List<StreamRecord<? extends ScoredEvent>> out = harness.extractOutputStreamRecords();
      assertThat(out).hasSize(1);
      assertThat(out.get(0).getTimestamp()).isEqualTo(7);
      assertThat(out.get(0).getValue().aeScore())
          .isFinite()
          .isEqualTo(model.scorer(null).score(event));
    }
  }

  @Test
  void microBatchesAreEmittedInOrderWhenFullOnWatermarksAndBeforeBarriers() throws Exception {
    AutoencoderModel model = TestAutoencoder.small();
    model.save(models.resolve(MonitorModels.AUTOENCODER), "ae-test");
    EventScorer one = model.scorer(null);
    int n = DecodeAndScore.BATCH + 3;
    try (var harness =
        new OneInputStreamOperatorTestHarness<>(new DecodeAndScore(models.toString()))) {
      harness.open();
      for (int e = 0; e < n; e++) {
        harness.processElement(new StreamRecord<>(raw(EventCodec.encode(dimuon(e, 20f + e % 50)))));
      }
      assertThat(harness.extractOutputValues()).as("one full batch").hasSize(DecodeAndScore.BATCH);
      harness.processWatermark(new Watermark(1));
      assertThat(harness.extractOutputValues()).hasSize(n);
      assertThat(harness.getOutput())
          .as("the watermark follows the events")
          .last()
          .isEqualTo(new Watermark(1));
      harness.processElement(new StreamRecord<>(raw(EventCodec.encode(dimuon(n, 30f)))));
      harness.prepareSnapshotPreBarrier(1);
      List<ScoredEvent> out = harness.extractOutputValues();
      assertThat(out).hasSize(n + 1);
      for (int e = 0; e <= n; e++) {
        Event event = dimuon(e, e == n ? 30f : 20f + e % 50);
        assertThat(out.get(e).eventTimeNanos()).isEqualTo(e);
        assertThat(out.get(e).aeScore())
            .as("event %d: the per-event score, bit for bit", e)
            .isEqualTo(one.score(event));
      }
    }
  }
}
