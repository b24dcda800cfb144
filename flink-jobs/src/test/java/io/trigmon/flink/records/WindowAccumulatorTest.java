package io.trigmon.flink.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/**
 * {@link WindowAccumulator} and the hand-written serializers of the window state and of {@link
 * ScoredEvent}: canonical order, deep copies, binary round trips, versioned snapshots, no Kryo.
 */
class WindowAccumulatorTest {

  @Test
  void theSampleHasEveryScoreAndThePairsInCanonicalOrder() {
    WindowAccumulator window = new WindowAccumulator();
    window.add(event(20, new double[] {2, 0, 0, 0, 0}, 0.5f));
    window.add(event(10, new double[0], 0.1f));
    window.add(event(20, new double[] {1, 9, 0, 0, 0}, 0.7f));
    window.add(event(5, new double[] {3, 0, 0, 0, 0}, Float.NaN));

    WindowSample sample = window.sample("s", 0, 100);

    assertThat(sample.nEvents()).isEqualTo(4);
    assertThat(sample.dileptons())
        .isDeepEqualTo(new double[][] {{3, 0, 0, 0, 0}, {1, 9, 0, 0, 0}, {2, 0, 0, 0, 0}});
    assertThat(sample.aeScores()).containsExactly(0.5f, 0.1f, 0.7f, Float.NaN);
    assertThat(sample.expected()).isNull();
  }

  @Test
  void theSampleDoesNotDependOnArrivalOrderBeyondTheInitialCapacity() {
    List<ScoredEvent> events = events(5_000, 3);
    List<ScoredEvent> shuffled = new ArrayList<>(events);
    Collections.shuffle(shuffled, new Random(4));
    WindowAccumulator a = new WindowAccumulator();
    WindowAccumulator b = new WindowAccumulator();
    events.forEach(a::add);
    shuffled.forEach(b::add);

    assertThat(b.sample("s", 0, 1).dileptons()).isDeepEqualTo(a.sample("s", 0, 1).dileptons());
    assertThat(a.pairs()).isEqualTo(2_500);
  }

  @Test
  void mergingIsAddingTheOtherWindowsEvents() {
    List<ScoredEvent> events = events(3_000, 5);
    WindowAccumulator all = new WindowAccumulator();
    WindowAccumulator first = new WindowAccumulator();
    WindowAccumulator second = new WindowAccumulator();
    events.forEach(all::add);
    events.subList(0, 1_000).forEach(first::add);
    events.subList(1_000, 3_000).forEach(second::add);

    WindowSample merged = first.addAll(second).sample("s", 0, 1);

    assertThat(merged.nEvents()).isEqualTo(3_000);
    assertThat(merged.dileptons()).isDeepEqualTo(all.sample("s", 0, 1).dileptons());
    assertThat(merged.aeScores()).containsExactly(all.sample("s", 0, 1).aeScores());
  }

  @Test
  void aPairMustHaveFiveFeatures() {
    assertThatThrownBy(() -> new WindowAccumulator().add(event(1, new double[] {1, 2}, 0f)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("5 features");
  }

  @Test
  void windowStateRoundTripsThroughItsSerializerAndCopiesAreDeep() throws Exception {
    WindowAccumulator window = new WindowAccumulator();
    events(2_345, 7).forEach(window::add);
    WindowAccumulator restored =
        roundTrip(
            WindowAccumulatorSerializer.INSTANCE, window, WindowAccumulatorSerializer.INSTANCE);
    WindowAccumulator copy = WindowAccumulatorSerializer.INSTANCE.copy(window);
    WindowSample before = window.sample("s", 0, 1);
    window.add(event(0, new double[] {1, 1, 1, 1, 1}, 1f));

    for (WindowAccumulator other : List.of(restored, copy)) {
      WindowSample after = other.sample("s", 0, 1);
      assertThat(after.nEvents()).isEqualTo(before.nEvents());
      assertThat(after.dileptons()).isDeepEqualTo(before.dileptons());
      assertThat(after.aeScores()).containsExactly(before.aeScores());
    }
  }

  @Test
  void scoredEventsRoundTripThroughTheirSerializer() throws Exception {
    for (ScoredEvent e :
        List.of(
            event(-7, new double[0], Float.NaN),
            new ScoredEvent("Double Müon", 123_456_789L, new double[] {1, 2, 3, 4, -0.5}, 0.25f))) {
      ScoredEvent back =
          roundTrip(ScoredEventSerializer.INSTANCE, e, ScoredEventSerializer.INSTANCE);
      assertThat(back.stream()).isEqualTo(e.stream());
      assertThat(back.eventTimeNanos()).isEqualTo(e.eventTimeNanos());
      assertThat(back.dilepton()).containsExactly(e.dilepton());
      assertThat(Float.floatToIntBits(back.aeScore())).isEqualTo(Float.floatToIntBits(e.aeScore()));
    }
  }

  @Test
  void typeInformationUsesTheHandWrittenSerializersNotKryo() {
    assertThat(TypeInformation.of(ScoredEvent.class).createSerializer(null))
        .isInstanceOf(ScoredEventSerializer.class);
    assertThat(TypeInformation.of(WindowAccumulator.class).createSerializer(null))
        .isInstanceOf(WindowAccumulatorSerializer.class);
  }

  @Test
  void snapshotsRestoreTheirOwnFormatAndRefuseAnother() throws Exception {
    TypeSerializerSnapshot<WindowAccumulator> written =
        WindowAccumulatorSerializer.INSTANCE.snapshotConfiguration();
    DataOutputSerializer out = new DataOutputSerializer(64);
    TypeSerializerSnapshot.writeVersionedSnapshot(out, written);
    TypeSerializerSnapshot<WindowAccumulator> read =
        TypeSerializerSnapshot.readVersionedSnapshot(
            new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());

    assertThat(read.restoreSerializer()).isInstanceOf(WindowAccumulatorSerializer.class);
    assertThat(written.resolveSchemaCompatibility(read).isCompatibleAsIs()).isTrue();

    WindowAccumulatorSerializer.Snapshot future = new WindowAccumulatorSerializer.Snapshot();
    future.readSnapshot(WindowAccumulatorSerializer.FORMAT_VERSION + 1, null, null);
    assertThat(written.resolveSchemaCompatibility(future).isIncompatible()).isTrue();
    assertThatThrownBy(future::restoreSerializer)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("format version");
  }

  private static <T> T roundTrip(TypeSerializer<T> writer, T value, TypeSerializer<T> reader)
      throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(256);
    writer.serialize(value, out);
    DataOutputSerializer copied = new DataOutputSerializer(256);
    writer.copy(new DataInputDeserializer(out.getCopyOfBuffer()), copied);
    assertThat(copied.getCopyOfBuffer()).as("binary copy").isEqualTo(out.getCopyOfBuffer());
    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
    T back = reader.deserialize(in);
    assertThat(in.available()).as("everything read").isZero();
    return back;
  }

  /** {@code n} events, every other one with a pair, times and features from {@code seed}. */
  private static List<ScoredEvent> events(int n, long seed) {
    Random random = new Random(seed);
    List<ScoredEvent> events = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double[] pair =
          i % 2 == 0
              ? new double[] {
                random.nextDouble(),
                random.nextDouble(),
                random.nextGaussian(),
                0,
                random.nextInt(3)
              }
              : new double[0];
      events.add(event(random.nextInt(50), pair, random.nextFloat()));
    }
    return events;
  }

  private static ScoredEvent event(long timeNanos, double[] pair, float score) {
    return new ScoredEvent("s", timeNanos, pair, score);
  }
}
