package io.trigmon.broker;

/**
 * The broker could not start, or did not do what was asked (create a topic). A start failure's
 * message ends with the tail of the broker's log, where the cause usually is.
 */
public final class BrokerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BrokerException(String message) {
    super(message);
  }

  public BrokerException(String message, Throwable cause) {
    super(message, cause);
  }
}
