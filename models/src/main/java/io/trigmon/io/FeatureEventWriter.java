package io.trigmon.io;

import io.trigmon.event.DileptonFeatures;
import io.trigmon.event.Event;
import java.nio.file.Path;

/**
 * Reduces events to their five NPLM features (leading-lepton pair) and writes them as a {@link
 * FeatureTable} on close. Events with fewer than two leptons have no features and are skipped;
 * {@link #skipped()} counts them. Keeps 40 bytes per written event.
 */
final class FeatureEventWriter implements EventWriter {

  private final Path file;
  private final FileFormat format;
  private final FeatureTable.Builder rows = FeatureTable.builder();
  private long count;
  private long skipped;
  private boolean closed;

  FeatureEventWriter(Path file, FileFormat format) {
    if (format.holdsEvents()) {
      throw new IllegalArgumentException(format + " holds events, not features");
    }
    this.file = file;
    this.format = format;
  }

  @Override
  public void write(Event event) {
    if (closed) {
      throw new IllegalStateException("writer of " + file + " is closed");
    }
    count++;
    DileptonFeatures.of(event).ifPresentOrElse(rows::add, () -> skipped++);
  }

  @Override
  public long count() {
    return count;
  }

  /** Events given that had fewer than two leptons, hence no row. */
  long skipped() {
    return skipped;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      rows.build().write(file, format);
    }
  }
}
