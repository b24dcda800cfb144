package io.trigmon.stream.alert;

/**
 * Where alert changes go. Implementations must not block: the alert topology calls this from its
 * stream thread ({@link WebhookNotifier} queues and sends on its own executor).
 */
@FunctionalInterface
public interface AlertSink {
  void accept(Alert alert);
}
