package io.trigmon.io;

import io.trigmon.event.AutoencoderFeatures;
import io.trigmon.event.Event;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects events in primitive arrays and writes them in the challenge layout on close: jHDF (0.13)
 * writes whole Java arrays only, so the {@code Particles} array is built in memory as {@code
 * float[N][19][4]}, with one shared row for all padded slots: about 130 bytes per event plus 32 per
 * object, some 0.3 GB for 10^6 typical events.
 */
final class ChallengeHdf5Writer implements EventWriter {

  private static final int INITIAL_CAPACITY = 1024;

  /** The row of every padded slot, shared: most slots are padding. Never modified. */
  private static final float[] PADDING = new float[ChallengeRows.PER_SLOT];

  private final Path file;
  private final ChallengeRows rows = new ChallengeRows();
  private final float[] row = new float[ChallengeRows.ROW];
  private final Map<String, Integer> streams = new LinkedHashMap<>();
  private float[][][] particles = new float[INITIAL_CAPACITY][][];
  private long[] runs = new long[INITIAL_CAPACITY];
  private int[] lumisections = new int[INITIAL_CAPACITY];
  private long[] eventNumbers = new long[INITIAL_CAPACITY];
  private long[] timesNanos = new long[INITIAL_CAPACITY];
  private int[] streamIndex = new int[INITIAL_CAPACITY];
  private int count;
  private boolean closed;

  ChallengeHdf5Writer(Path file) {
    FileFormat.isHdf5(file);
    this.file = file;
  }

  @Override
  public void write(Event event) {
    if (closed) {
      throw new IllegalStateException("writer of " + file + " is closed");
    }
    if (count == particles.length) {
      grow();
    }
    rows.fill(event, row, 0);
    float[][] slots = new float[AutoencoderFeatures.SLOTS][];
    for (int slot = 0; slot < slots.length; slot++) {
      int from = slot * ChallengeRows.PER_SLOT;
      boolean padding = row[from + 3] == 0f;
      slots[slot] =
          padding ? PADDING : Arrays.copyOfRange(row, from, from + ChallengeRows.PER_SLOT);
    }
    particles[count] = slots;
    runs[count] = event.run();
    lumisections[count] = event.lumisection();
    eventNumbers[count] = event.eventNumber();
    timesNanos[count] = event.eventTimeNanos();
    streamIndex[count] = streams.computeIfAbsent(event.stream(), key -> streams.size());
    count++;
  }

  @Override
  public long count() {
    return count;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (count == 0) {
      throw new RecordedFileException(
          file, "no events to write; an HDF5 file in the challenge layout needs at least one");
    }
    ChallengeHdf5.writeArrays(
        file,
        Arrays.copyOf(particles, count),
        Arrays.copyOf(runs, count),
        Arrays.copyOf(lumisections, count),
        Arrays.copyOf(eventNumbers, count),
        Arrays.copyOf(timesNanos, count),
        streams.keySet().toArray(String[]::new),
        Arrays.copyOf(streamIndex, count));
    particles = null;
  }

  private void grow() {
    int capacity = Math.multiplyExact(particles.length, 2);
    particles = Arrays.copyOf(particles, capacity);
    runs = Arrays.copyOf(runs, capacity);
    lumisections = Arrays.copyOf(lumisections, capacity);
    eventNumbers = Arrays.copyOf(eventNumbers, capacity);
    timesNanos = Arrays.copyOf(timesNanos, capacity);
    streamIndex = Arrays.copyOf(streamIndex, capacity);
  }
}
