package io.trigmon.io;

import java.nio.file.Path;

/**
 * A recorded file that cannot be read or written: missing, of an unknown kind, or not in the
 * expected layout. The message names the file and says what was expected, so that a command-line
 * tool can show it to the user as it is.
 */
public final class RecordedFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RecordedFileException(Path file, String problem) {
    super(file + ": " + problem);
  }

  /** A problem on one line of a text file, reported as {@code file:line: problem}. */
  public RecordedFileException(Path file, int line, String problem) {
    super(file + ":" + line + ": " + problem);
  }

  public RecordedFileException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
  }
}
