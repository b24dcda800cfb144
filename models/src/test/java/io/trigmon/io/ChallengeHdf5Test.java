package io.trigmon.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import io.trigmon.event.Event;
import io.trigmon.event.Lumisection;
import io.trigmon.event.Particle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChallengeHdf5Test {

  @TempDir Path dir;

  @Test
  void roundTripKeepsObjectsUpToTheSlotsAndAllStamps() {
    List<Event> events = TestEvents.random(200, 1);
    Path file = dir.resolve("events.h5");

    ChallengeHdf5.write(file, events);
    RecordedEvents read = ChallengeHdf5.read(file);

    assertThat(read).hasSize(events.size());
    for (int i = 0; i < events.size(); i++) {
      assertThat(read.get(i)).isEqualTo(inLayout(events.get(i)));
    }
  }

  @Test
  void writingDropsObjectsBeyondTheSlotsKeepingTheLeadingOnes() {
    List<Particle> jets = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      jets.add(Particle.of(10 * i, 0, 0));
    }
    Event event =
        new Event(1, 1, 1, TestEvents.T0, "Jet", Particle.met(5, 1), List.of(), List.of(), jets);
    Path file = dir.resolve("jets.h5");

    ChallengeHdf5.write(file, List.of(event));

    assertThat(ChallengeHdf5.read(file).get(0).jets())
        .extracting(Particle::pt)
        .containsExactly(120f, 110f, 100f, 90f, 80f, 70f, 60f, 50f, 40f, 30f);
  }

  /** As the public files: float64, gzip-compressed chunks, names and classes, no stamps. */
  @Test
  void readsAPublicLikeFileWithPaddingSynthesisingStamps() {
    double[][][] particles = new double[3][19][4];
    particles[0][0] = new double[] {25, 0, 1.5, 1}; // MET
    particles[0][1] = new double[] {50, 0.5, -1, 2}; // one electron, slots 2-4 padded
    particles[0][5] = new double[] {40, -1.2, 2, 3}; // one muon
    particles[0][9] = new double[] {100, 2, 0.1, 4}; // jets
    particles[0][10] = new double[] {60, -2, 3, 4};
    particles[1][0] = new double[] {5, 0, -0.5, 1}; // MET only
    // event 2: all padding, MET slot included
    Path file = dir.resolve("public-like.h5");
    try (WritableHdfFile out = HdfFile.write(file)) {
      out.putDataset(
          "Particles",
          particles,
          DatasetCreationOptions.builder().chunkDimensions(2, 19, 4).deflate().build());
      out.putDataset("Particles_Names", new String[] {"Pt", "Eta", "Phi", "Class"});
      out.putDataset(
          "Particles_Classes",
          new String[] {"MET_class_1", "Four_Ele_class_2", "Four_Mu_class_3", "Ten_Jet_class_4"});
    }
    EventStamping stamps = new EventStamping(42, "L1", TestEvents.T0, 100.0);

    RecordedEvents events = ChallengeHdf5.read(file, stamps);

    assertThat(events).hasSize(3);
    Event first = events.get(0);
    assertThat(first.met()).isEqualTo(Particle.of(25, 0, 1.5));
    assertThat(first.electrons()).containsExactly(Particle.of(50, 0.5, -1));
    assertThat(first.muons()).containsExactly(Particle.of(40, -1.2, 2));
    assertThat(first.jets()).containsExactly(Particle.of(100, 2, 0.1), Particle.of(60, -2, 3));
    assertThat(events.get(1).electrons()).isEmpty();
    assertThat(events.get(2).met()).isEqualTo(new Particle(0f, 0f, 0f));
    assertThat(events).extracting(Event::run, Event::stream).containsOnly(tuple(42L, "L1"));
    assertThat(events).extracting(Event::eventNumber).containsExactly(1L, 2L, 3L);
    assertThat(events)
        .extracting(Event::eventTimeNanos)
        .containsExactly(TestEvents.T0, TestEvents.T0 + 10_000_000L, TestEvents.T0 + 20_000_000L);
    assertThat(events).extracting(Event::lumisection).containsOnly(1);
  }

  @Test
  void synthesisedLumisectionsAdvanceEvery23Seconds() {
    Path file = dir.resolve("bare.h5");
    try (WritableHdfFile out = HdfFile.write(file)) {
      out.putDataset("Particles", new float[3][19][4]);
    }
    double rate = 1e9 / Lumisection.NANOS; // one event per lumisection

    RecordedEvents events = ChallengeHdf5.read(file, EventStamping.DEFAULT.atRate(rate * 0.999));

    assertThat(events).extracting(Event::lumisection).containsExactly(1, 2, 3);
  }

  @Test
  void float64FilesLargerThanOneReadBlockAreNarrowedInOrder() {
    int block = 100;
    int n = 2 * block + 3;
    double[][][] particles = new double[n][19][4];
    for (int i = 0; i < n; i++) {
      particles[i][0] = new double[] {i + 0.25, 0, 0.5, 1};
    }
    Path file = dir.resolve("large.h5");
    try (WritableHdfFile out = HdfFile.write(file)) {
      out.putDataset("Particles", particles);
    }

    RecordedEvents events = ChallengeHdf5.read(file, EventStamping.DEFAULT, block);

    assertThat(events).hasSize(n);
    for (int i = 0; i < n; i++) {
      assertThat(events.get(i).met()).as("event %d", i).isEqualTo(Particle.met(i + 0.25, 0.5));
    }
  }

  @Test
  void theBlackBoxEventIdsAreEventNumbers() {
    Path file = dir.resolve("blackbox.h5");
    try (WritableHdfFile out = HdfFile.write(file)) {
      out.putDataset("Particles", new float[2][19][4]);
      out.putDataset("EvtId", new long[] {17, 4});
    }

    assertThat(ChallengeHdf5.read(file)).extracting(Event::eventNumber).containsExactly(17L, 4L);
  }

  @Test
  void aSingleStreamIsAnAttributeAndSeveralAreIndexed() {
    Event a = TestEvents.random(1, 2).get(0);
    Path one = dir.resolve("one.h5");
    Path two = dir.resolve("two.h5");

    ChallengeHdf5.write(one, List.of(a, a));
    ChallengeHdf5.write(two, List.of(a, withStream(a, "Other"), a));

    assertThat(ChallengeHdf5.read(one)).extracting(Event::stream).containsOnly(a.stream());
    assertThat(ChallengeHdf5.read(two))
        .extracting(Event::stream)
        .containsExactly(a.stream(), "Other", a.stream());
  }

  @Test
  void missingParticlesSaysWhatIsExpected() {
    Path file = dir.resolve("other.h5");
    try (WritableHdfFile out = HdfFile.write(file)) {
      out.putDataset("jets", new float[] {1f});
    }

    assertThatThrownBy(() -> ChallengeHdf5.read(file))
        .isInstanceOf(RecordedFileException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("expected dataset 'Particles' of shape (N, 19, 4)")
        .hasMessageContaining("[jets]");
  }

  @Test
  void wrongShapeIsReportedWithTheShapeFound() {
    Path file = dir.resolve("shape.h5");
    try (WritableHdfFile out = HdfFile.write(file)) {
      out.putDataset("Particles", new float[2][19][3]);
    }

    assertThatThrownBy(() -> ChallengeHdf5.read(file))
        .isInstanceOf(RecordedFileException.class)
        .hasMessageContaining("expected dataset 'Particles' of shape (N, 19, 4)")
        .hasMessageContaining("found shape (2, 19, 3)");
  }

  @Test
  void aTypeCodeInTheWrongSlotIsReported() {
    float[][][] particles = new float[2][19][4];
    particles[1][3] = new float[] {20f, 0f, 0f, 4f}; // a jet in an electron slot
    Path file = dir.resolve("codes.h5");
    try (WritableHdfFile out = HdfFile.write(file)) {
      out.putDataset("Particles", particles);
    }

    assertThatThrownBy(() -> ChallengeHdf5.read(file))
        .isInstanceOf(RecordedFileException.class)
        .hasMessageContaining("Particles[1, 3] has type code 4.0")
        .hasMessageContaining("ELECTRON (code 2)");
  }

  @Test
  void aStampDatasetOfTheWrongLengthIsReported() {
    Path file = dir.resolve("stamps.h5");
    try (WritableHdfFile out = HdfFile.write(file)) {
      out.putDataset("Particles", new float[3][19][4]);
      out.putDataset("event_time_ns", new long[] {1, 2});
    }

    assertThatThrownBy(() -> ChallengeHdf5.read(file))
        .isInstanceOf(RecordedFileException.class)
        .hasMessageContaining("expected dataset 'event_time_ns' of shape (3,)")
        .hasMessageContaining("found shape (2,)");
  }

  @Test
  void aFileThatIsNotHdf5IsReported() throws Exception {
    Path file = dir.resolve("text.h5");
    Files.writeString(file, "pt1,pt2\n");

    assertThatThrownBy(() -> ChallengeHdf5.read(file))
        .isInstanceOf(RecordedFileException.class)
        .hasMessageContaining("not a readable HDF5 file");
  }

  @Test
  void writingNoEventsIsRefused() {
    Path file = dir.resolve("empty.h5");

    assertThatThrownBy(() -> ChallengeHdf5.write(file, List.of()))
        .isInstanceOf(RecordedFileException.class)
        .hasMessageContaining("no events to write");
  }

  /** What the layout keeps of an event: pT-ordered objects, at most the slots of each type. */
  static Event inLayout(Event event) {
    Event ordered = event.ordered();
    return ordered.withObjects(
        ordered.met(),
        first(ordered.electrons(), 4),
        first(ordered.muons(), 4),
        first(ordered.jets(), 10));
  }

  private static List<Particle> first(List<Particle> objects, int n) {
    return objects.subList(0, Math.min(n, objects.size()));
  }

  private static Event withStream(Event e, String stream) {
    return new Event(
        e.run(),
        e.lumisection(),
        e.eventNumber(),
        e.eventTimeNanos(),
        stream,
        e.met(),
        e.electrons(),
        e.muons(),
        e.jets());
  }
}
