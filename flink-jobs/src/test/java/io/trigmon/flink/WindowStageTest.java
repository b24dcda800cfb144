package io.trigmon.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.trigmon.flink.records.ScoredEvent;
import io.trigmon.flink.records.ScoredEventSerializer;
import io.trigmon.flink.records.WindowSample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.transformations.OneInputTransformation;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * The job's window stage ({@link MonitorJob#windows}) in a keyed harness: the sample does not
 * depend on arrival order, survives a checkpoint and restore in the middle of a window (the
 * hand-written state serializer), counts late events within the lateness, sends events after it to
 * the late output, and leaves no state or timer behind.
 */
class WindowStageTest {

  private static final long WINDOW_MS = 1_000;

  @Test
  void theSampleDoesNotDependOnArrivalOrder() throws Exception {
    List<ScoredEvent> events = events(200, 11);
    List<ScoredEvent> shuffled = new ArrayList<>(events);
    Collections.shuffle(shuffled, new Random(5));

    WindowSample inOrder = onlySample(run(events, Duration.ZERO));
    WindowSample reordered = onlySample(run(shuffled, Duration.ZERO));

    assertThat(inOrder.nEvents()).isEqualTo(200);
    assertThat(inOrder.dileptons()).hasNumberOfRows(100);
    assertThat(reordered.dileptons()).isDeepEqualTo(inOrder.dileptons());
    assertThat(sorted(reordered.aeScores())).isEqualTo(sorted(inOrder.aeScores()));
  }

  @Test
  void aWindowRestoredFromACheckpointGivesTheSameSample() throws Exception {
    List<ScoredEvent> events = events(120, 13);
    WindowSample uninterrupted = onlySample(run(events, Duration.ZERO));

    OperatorSubtaskState snapshot;
    try (var first = harness(Duration.ZERO)) {
      first.open();
      for (ScoredEvent e : events.subList(0, 70)) {
        first.processElement(record(e));
      }
      snapshot = first.snapshot(1, 1);
    }
    try (var second = harness(Duration.ZERO)) {
      second.initializeState(snapshot);
      second.open();
      for (ScoredEvent e : events.subList(70, events.size())) {
        second.processElement(record(e));
      }
      second.processWatermark(new Watermark(WINDOW_MS - 1));
      WindowSample restored = onlySample(second.extractOutputValues());
      assertThat(restored.nEvents()).isEqualTo(uninterrupted.nEvents());
      assertThat(restored.dileptons()).isDeepEqualTo(uninterrupted.dileptons());
      assertThat(sorted(restored.aeScores())).isEqualTo(sorted(uninterrupted.aeScores()));
    }
  }

  @Test
  void lateEventsWithinTheLatenessCountAndTheWindowFiresOnceAndIsCleared() throws Exception {
    Duration lateness = Duration.ofMillis(500);
    try (var h = harness(lateness)) {
      h.open();
      for (ScoredEvent e : events(10, 17)) {
        h.processElement(record(e));
      }
      h.processWatermark(new Watermark(WINDOW_MS - 1));
      assertThat(h.extractOutputValues()).as("not before end + lateness").isEmpty();
      h.processElement(record(event(3, 100, true)));
      h.processWatermark(new Watermark(WINDOW_MS - 1 + lateness.toMillis()));

      WindowSample sample = onlySample(h.extractOutputValues());
      assertThat(sample.nEvents()).isEqualTo(11);
      assertThat(sample.windowStartMillis()).isZero();
      assertThat(sample.windowEndMillis()).isEqualTo(WINDOW_MS);
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(h.numEventTimeTimers()).isZero();
      assertThat(h.getSideOutput(MonitorJob.LATE_EVENTS)).as("nothing late yet").isNull();
    }
  }

  @Test
  void anEventAfterItsWindowClosedGoesToTheLateOutputNotIntoANewSample() throws Exception {
    Duration lateness = Duration.ofMillis(500);
    try (var h = harness(lateness)) {
      h.open();
      for (ScoredEvent e : events(10, 19)) {
        h.processElement(record(e));
      }
      h.processWatermark(new Watermark(WINDOW_MS - 1 + lateness.toMillis()));
      assertThat(onlySample(h.extractOutputValues()).nEvents()).isEqualTo(10);

      ScoredEvent late = event(4, 200, true);
      h.processElement(record(late));
      h.processWatermark(new Watermark(3 * WINDOW_MS));

      assertThat(h.extractOutputValues()).as("the window fired once, with 10 events").hasSize(1);
      assertThat(h.getSideOutput(MonitorJob.LATE_EVENTS))
          .extracting(StreamRecord::getValue)
          .usingRecursiveFieldByFieldElementComparator()
          .containsExactly(late);
    }
  }

  private static List<WindowSample> run(List<ScoredEvent> events, Duration lateness)
      throws Exception {
    try (var h = harness(lateness)) {
      h.open();
      for (ScoredEvent e : events) {
        h.processElement(record(e));
      }
      h.processWatermark(new Watermark(WINDOW_MS - 1 + lateness.toMillis()));
      return h.extractOutputValues();
    }
  }

  @SuppressWarnings("unchecked")
  private static KeyedOneInputStreamOperatorTestHarness<String, ScoredEvent, WindowSample> harness(
      Duration lateness) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    MonitorSettings settings =
        MonitorSettings.defaults("unused")
            .withWindow(Duration.ofMillis(WINDOW_MS))
            .withAllowedLateness(lateness);
    Transformation<WindowSample> windows =
        MonitorJob.windows(
                env.fromData(ScoredEventSerializer.typeInfo(), event(0, 0, false)), settings)
            .getTransformation();
    var transform = (OneInputTransformation<ScoredEvent, WindowSample>) windows;
    return new KeyedOneInputStreamOperatorTestHarness<>(
        transform.getOperatorFactory(),
        (KeySelector<ScoredEvent, String>) transform.getStateKeySelector(),
        (TypeInformation<String>) transform.getStateKeyType());
  }

  /** {@code n} events of stream "s" in [0, 1 s), every other one with a lepton pair. */
  private static List<ScoredEvent> events(int n, long seed) {
    Random random = new Random(seed);
    List<ScoredEvent> events = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      // Few distinct times, so that equal times are ordered by their features.
      events.add(event(random.nextInt(5), random.nextInt(1_000) * 1e-3f, i % 2 == 0));
    }
    return events;
  }

  private static ScoredEvent event(int timeMillis, double x, boolean pair) {
    double[] dilepton = pair ? new double[] {40 + x, 30, x, -x, 1.5} : new double[0];
    return new ScoredEvent("s", timeMillis * 1_000_000L, dilepton, (float) (x * 3));
  }

  private static StreamRecord<ScoredEvent> record(ScoredEvent e) {
    return new StreamRecord<>(e, e.eventTimeNanos() / 1_000_000L);
  }

  private static WindowSample onlySample(List<WindowSample> out) {
    assertThat(out).hasSize(1);
    return out.get(0);
  }

  private static float[] sorted(float[] scores) {
    float[] copy = scores.clone();
    Arrays.sort(copy);
    return copy;
  }
}
