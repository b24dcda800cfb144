package io.trigmon.io;

import io.trigmon.event.Event;

/**
 * Writes events to a recorded file one at a time, for producers of many events (the simulator
 * writes 10^5 to 10^6). The file is complete only after {@link #close()}; a writer that fails
 * leaves no promise about the file.
 */
public interface EventWriter extends AutoCloseable {

  /** Adds one event. */
  void write(Event event);

  /** Number of events written so far. */
  long count();

  /** Writes the file. */
  @Override
  void close();
}
