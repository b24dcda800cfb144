package io.trigmon.io;

import io.trigmon.event.Event;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The events of a challenge-layout file, kept as the flat primitive arrays read from it (76 floats
 * and a few numbers per event, about 350 MB for 10^6 events) and turned into {@link Event}s only
 * when asked for, so that large files can be iterated without holding a million event objects.
 *
 * <p>An unmodifiable list: {@link #get(int)} builds a new event each time.
 */
public final class RecordedEvents extends AbstractList<Event> implements RandomAccess {

  private final Path file;
  private final float[] particles;
  private final long[] runs;
  private final long[] lumisections;
  private final long[] eventNumbers;
  private final long[] timesNanos;
  private final String[] streamNames;
  private final long[] streamIndex;

  /**
   * @param particles flat (N, 19, 4) challenge rows
   * @param streamNames the stream keys; {@code streamIndex[i]} picks the one of event {@code i}, or
   *     all events have {@code streamNames[0]} when {@code streamIndex} is null
   */
  RecordedEvents(
      Path file,
      float[] particles,
      long[] runs,
      long[] lumisections,
      long[] eventNumbers,
      long[] timesNanos,
      String[] streamNames,
      long[] streamIndex) {
    this.file = file;
    this.particles = particles;
    this.runs = runs;
    this.lumisections = lumisections;
    this.eventNumbers = eventNumbers;
    this.timesNanos = timesNanos;
    this.streamNames = streamNames;
    this.streamIndex = streamIndex;
  }

  /** The file the events were read from. */
  public Path file() {
    return file;
  }

  @Override
  public int size() {
    return timesNanos.length;
  }

  @Override
  public Event get(int index) {
    if (index < 0 || index >= size()) {
      throw new IndexOutOfBoundsException("event " + index + " of " + size());
    }
    ChallengeRows.Objects objects = ChallengeRows.read(particles, index, file);
    return new Event(
        runs[index],
        (int) lumisections[index],
        eventNumbers[index],
        timesNanos[index],
        streamNames[streamIndex == null ? 0 : (int) streamIndex[index]],
        objects.met(),
        objects.electrons(),
        objects.muons(),
        objects.jets());
  }
}
