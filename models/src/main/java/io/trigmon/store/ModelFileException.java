package io.trigmon.store;

/**
 * A model directory that cannot be used: missing, unreadable, of an unknown format version, of the
 * wrong kind, tampered with, or belonging to another reference. The message says which file and
 * what to do about it.
 */
public final class ModelFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ModelFileException(String message) {
    super(message);
  }

  public ModelFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
