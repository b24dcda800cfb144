package io.trigmon.io;

import io.trigmon.event.Event;
import java.nio.file.Path;

/**
 * Reading and writing recorded events, whatever the layout: the entry point for the command line
 * and the replay. Only the challenge HDF5 layout holds whole events; CSV and the dimuon HDF5 layout
 * hold the five NPLM features, so events written there are reduced to their leading-lepton pair
 * (events with fewer than two leptons are left out), and such files are read with {@link
 * FeatureTable#read(Path)}.
 */
public final class EventFiles {

  private EventFiles() {}

  /** The events of a challenge-layout HDF5 file; missing stamps come from the defaults. */
  public static RecordedEvents read(Path file) {
    return read(file, EventStamping.DEFAULT);
  }

  /** The events of a challenge-layout HDF5 file; missing stamps come from {@code stamps}. */
  public static RecordedEvents read(Path file, EventStamping stamps) {
    FileFormat format = FileFormat.of(file);
    if (!format.holdsEvents()) {
      throw new RecordedFileException(
          file,
          "holds 5D dilepton features ("
              + format
              + "), not whole events; events are read from HDF5 files with a 'Particles' dataset"
              + " of shape (N, 19, 4) (challenge layout), feature files with FeatureTable.read");
    }
    return ChallengeHdf5.read(file, stamps);
  }

  /** Writes events in the layout the name says: challenge HDF5 for .h5/.hdf5, features for .csv. */
  public static void write(Path file, Iterable<Event> events) {
    write(file, events, FileFormat.forEvents(file));
  }

  /** Writes events in the given layout (reduced to 5D features for CSV and dimuon HDF5). */
  public static void write(Path file, Iterable<Event> events, FileFormat format) {
    EventWriter writer = open(file, format);
    for (Event event : events) {
      writer.write(event);
    }
    writer.close(); // not in a finally block: a failure above must not write a partial file
  }

  /** A writer in the layout the name says, for events produced one at a time. */
  public static EventWriter open(Path file) {
    return open(file, FileFormat.forEvents(file));
  }

  /**
   * A writer in the given layout, for events produced one at a time. Every layout is written whole
   * on close (jHDF writes whole arrays): memory is about 130 bytes per event plus 32 per object for
   * the challenge layout and 40 bytes per event for the feature layouts.
   */
  public static EventWriter open(Path file, FileFormat format) {
    boolean hdf5 = FileFormat.isHdf5(file);
    if (hdf5 == (format == FileFormat.CSV)) {
      throw new RecordedFileException(
          file,
          "the extension does not match the layout "
              + format
              + "; use .csv for CSV and .h5 for HDF5");
    }
    return format.holdsEvents()
        ? new ChallengeHdf5Writer(file)
        : new FeatureEventWriter(file, format);
  }
}
