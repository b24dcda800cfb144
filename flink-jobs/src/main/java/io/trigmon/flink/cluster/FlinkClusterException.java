package io.trigmon.flink.cluster;

/** A Flink cluster could not be reached, refused a request, or did not start. */
public final class FlinkClusterException extends RuntimeException {

  public FlinkClusterException(String message) {
    super(message);
  }

  public FlinkClusterException(String message, Throwable cause) {
    super(message, cause);
  }
}
