package io.trigmon.io;

import io.trigmon.event.Event;

/**
 * Writes events to a recorded file one at a time, for producers of many events (the simulator
 * writes 10^5 to 10^6). Events are gathered in memory and the file is written by {@link #close()}:
 * a writer that is dropped without closing (because producing the events failed) leaves no file
 * behind, so only call {@code close()} once all events were given, rather than from a
 * try-with-resources block that would also write after a failure.
 */
public interface EventWriter extends AutoCloseable {

  /** Adds one event. */
  void write(Event event);

  /** Number of events written so far. */
  long count();

  /** Writes the file; closing again does nothing. */
  @Override
  void close();
}
