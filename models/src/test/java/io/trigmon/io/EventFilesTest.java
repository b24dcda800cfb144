package io.trigmon.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trigmon.event.DileptonFeatures;
import io.trigmon.event.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventFilesTest {

  @TempDir Path dir;

  @Test
  void eventsWrittenAsFeaturesReadBackAtFloatPrecisionInEveryFeatureLayout() {
    List<Event> events = TestEvents.random(300, 3);
    double[] expected = FeatureTable.ofEvents(events).toRowMajor();

    for (Path file : List.of(dir.resolve("f.csv"), dir.resolve("f.h5"))) {
      EventFiles.write(file, events, FileFormat.forFeatures(file));

      assertThat(FeatureTable.read(file).toRowMajor())
          .as(file.toString())
          .containsExactly(expected);
    }
  }

  @Test
  void featuresOfAChallengeFileAreTheLeadingLeptonPairsOfEventsWithTwoLeptons() {
    List<Event> events = TestEvents.random(300, 4);
    Path file = dir.resolve("events.hdf5");

    EventFiles.write(file, events);
    FeatureTable table = FeatureTable.read(file);

    List<DileptonFeatures> expected =
        events.stream()
            .map(ChallengeHdf5Test::inLayout)
            .map(DileptonFeatures::of)
            .flatMap(Optional::stream)
            .toList();
    assertThat(expected.size()).isLessThan(events.size()); // some events lack two leptons
    assertThat(table.rows()).isEqualTo(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      assertThat(table.row(i)).isEqualTo(expected.get(i));
    }
  }

  @Test
  void aStreamingWriterWritesWhatItWasGiven() {
    List<Event> events = TestEvents.random(50, 5);
    Path file = dir.resolve("stream.h5");

    EventWriter writer = EventFiles.open(file);
    events.forEach(writer::write);
    assertThat(writer.count()).isEqualTo(50);
    writer.close();

    assertThat(EventFiles.read(file))
        .containsExactlyElementsOf(events.stream().map(ChallengeHdf5Test::inLayout).toList());
  }

  @Test
  void aFailureWhileProducingEventsLeavesNoFile() {
    Path file = dir.resolve("failed.h5");
    Iterable<Event> failing =
        () ->
            new Iterator<>() {
              int given;

              @Override
              public boolean hasNext() {
                return true;
              }

              @Override
              public Event next() {
                if (given++ == 10) {
                  throw new IllegalStateException("generator failed");
                }
                return TestEvents.random(1, given).get(0);
              }
            };

    assertThatThrownBy(() -> EventFiles.write(file, failing))
        .isInstanceOf(IllegalStateException.class);
    assertThat(file).doesNotExist();
  }

  @Test
  void detectsTheLayoutOfHdf5FilesByContent() {
    Path events = dir.resolve("a.h5");
    Path features = dir.resolve("b.h5");
    EventFiles.write(events, TestEvents.random(5, 6));
    EventFiles.write(features, TestEvents.random(50, 6), FileFormat.DIMUON_HDF5);

    assertThat(FileFormat.of(events)).isEqualTo(FileFormat.CHALLENGE_HDF5);
    assertThat(FileFormat.of(features)).isEqualTo(FileFormat.DIMUON_HDF5);
  }

  @Test
  void readingEventsFromAFeatureFileSaysWhereEventsAre() throws Exception {
    Path file = dir.resolve("features.csv");
    Files.writeString(file, "pt1,pt2,eta1,eta2,dphi\n1,2,3,4,5\n");

    assertThatThrownBy(() -> EventFiles.read(file))
        .isInstanceOf(RecordedFileException.class)
        .hasMessageContaining("not whole events")
        .hasMessageContaining("FeatureTable.read");
  }

  @Test
  void aMissingFileIsReported() {
    Path file = dir.resolve("nowhere.h5");

    assertThatThrownBy(() -> EventFiles.read(file))
        .isInstanceOf(RecordedFileException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("no such file");
    assertThatThrownBy(() -> FeatureTable.read(dir.resolve("nowhere.csv")))
        .isInstanceOf(RecordedFileException.class)
        .hasMessageContaining("no such file");
  }

  @Test
  void anUnknownExtensionIsReported() throws Exception {
    Path file = dir.resolve("events.parquet");
    Files.writeString(file, "x");

    assertThatThrownBy(() -> FeatureTable.read(file))
        .isInstanceOf(RecordedFileException.class)
        .hasMessageContaining("unknown file extension; use .h5 or .hdf5");
    assertThatThrownBy(() -> EventFiles.open(dir.resolve("out.txt")))
        .isInstanceOf(RecordedFileException.class)
        .hasMessageContaining("unknown file extension");
  }

  @Test
  void aLayoutThatDoesNotMatchTheExtensionIsRefused() {
    assertThatThrownBy(() -> EventFiles.open(dir.resolve("x.csv"), FileFormat.CHALLENGE_HDF5))
        .isInstanceOf(RecordedFileException.class)
        .hasMessageContaining("does not match");
    assertThatThrownBy(
            () -> FeatureTable.of(List.of()).write(dir.resolve("x.h5"), FileFormat.CHALLENGE_HDF5))
        .isInstanceOf(RecordedFileException.class)
        .hasMessageContaining("holds whole events, not 5D features");
  }
}
