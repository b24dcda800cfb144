package io.trigmon.cli;

import io.trigmon.event.DileptonFeatures;
import io.trigmon.event.Event;
import io.trigmon.event.Particle;
import io.trigmon.io.EventFiles;
import io.trigmon.io.EventStamping;
import io.trigmon.io.FeatureTable;
import io.trigmon.io.FileFormat;
import io.trigmon.io.RecordedFileException;
import io.trigmon.stream.replay.ReplaySource;
import io.trigmon.stream.replay.TopicDump;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;

/**
 * The replay source of a recorded file, by what the file is: a topic dump ({@code trigmon record}),
 * a challenge-layout HDF5 file of whole events, or a file of the five NPLM dilepton features (CSV,
 * dimuon HDF5). Feature rows become two-muon events (leading muon at φ = 0, the other at Δφ)
 * stamped by {@code stamps}, as are challenge files that carry no stamps.
 */
final class RecordedFile {

  private RecordedFile() {}

  static ReplaySource source(Path file, EventStamping stamps) throws IOException {
    if (!Files.isReadable(file)) {
      throw new UserException("--file " + file + " does not exist or is not readable");
    }
    if (TopicDump.isDump(file)) {
      return ReplaySource.dump(file);
    }
    FileFormat format;
    try {
      format = FileFormat.of(file);
    } catch (RuntimeException e) {
      throw new UserException(
          "--file " + file + ": not a topic dump, .h5/.hdf5 or .csv file (" + e.getMessage() + ")");
    }
    try {
      if (format.holdsEvents()) {
        return ReplaySource.events(EventFiles.read(file, stamps));
      }
      return ReplaySource.events(dimuonEvents(FeatureTable.read(file), stamps));
    } catch (RecordedFileException e) {
      throw new UserException("--file " + e.getMessage());
    }
  }

  private static List<Event> dimuonEvents(FeatureTable table, EventStamping stamps) {
    return new AbstractList<>() {
      @Override
      public Event get(int i) {
        DileptonFeatures f = table.row(i);
        return new Event(
            stamps.run(),
            stamps.lumisection(i),
            i + 1L,
            stamps.timeNanos(i),
            stamps.stream(),
            Particle.met(0, 0),
            List.of(),
            List.of(Particle.of(f.pt1(), f.eta1(), 0), Particle.of(f.pt2(), f.eta2(), f.dphi())),
            List.of());
      }

      @Override
      public int size() {
        return table.rows();
      }
    };
  }
}
