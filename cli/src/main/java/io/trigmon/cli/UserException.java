package io.trigmon.cli;

/**
 * A problem the user can fix (a missing file, an inconsistent option): printed as one line saying
 * what was wrong and how to fix it, with exit status 2 and no stack trace.
 */
public final class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UserException(String message) {
    super(message);
  }
}
