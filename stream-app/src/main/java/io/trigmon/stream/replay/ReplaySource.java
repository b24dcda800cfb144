package io.trigmon.stream.replay;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Recorded records to replay, readable from the start as often as a looping replay needs. Values
 * are {@link io.trigmon.event.EventCodec} bytes when they are events; anything else is replayed
 * unchanged (a dump of {@code events.raw} may hold bad records, and replaying them tests the DLQ).
 */
public interface ReplaySource {

  /** Opens the records from the start. */
  Cursor open() throws IOException;

  /** How many records one pass holds, or -1 if unknown. */
  long count() throws IOException;

  /** A pass over the records. */
  interface Cursor extends AutoCloseable {
    /** The next record, or null at the end. */
    DumpRecord next() throws IOException;

    @Override
    void close() throws IOException;
  }

  /** The records of a topic dump. */
  static ReplaySource dump(Path file) {
    return new ReplaySource() {
      @Override
      public Cursor open() throws IOException {
        TopicDump.Reader reader = new TopicDump.Reader(file);
        return new Cursor() {
          @Override
          public DumpRecord next() throws IOException {
            return reader.next();
          }

          @Override
          public void close() throws IOException {
            reader.close();
          }
        };
      }

      @Override
      public long count() throws IOException {
        long n = 0;
        try (TopicDump.Reader reader = new TopicDump.Reader(file)) {
          while (reader.next() != null) {
            n++;
          }
        }
        return n;
      }
    };
  }

  /**
   * Events held in memory (read from an HDF5 or CSV file): each becomes a record keyed by its
   * stream whose timestamp is its event time.
   */
  static ReplaySource events(java.util.List<io.trigmon.event.Event> events) {
    return new ReplaySource() {
      @Override
      public Cursor open() {
        return new Cursor() {
          private int next;

          @Override
          public DumpRecord next() {
            if (next >= events.size()) {
              return null;
            }
            io.trigmon.event.Event e = events.get(next);
            return new DumpRecord(
                0,
                next++,
                Math.floorDiv(e.eventTimeNanos(), 1_000_000L),
                e.stream().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                io.trigmon.event.EventCodec.encode(e));
          }

          @Override
          public void close() {}
        };
      }

      @Override
      public long count() {
        return events.size();
      }
    };
  }
}
