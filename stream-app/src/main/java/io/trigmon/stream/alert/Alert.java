package io.trigmon.stream.alert;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A change of an alert: raised (firing) or cleared (resolved). Its key, {@code stream/kind}, is
 * what deduplication is by.
 *
 * @param kind what it is about
 * @param stream the stream
 * @param firing true when raised, false when cleared
 * @param startsAt when it was raised
 * @param endsAt when it was cleared (resolved only)
 * @param annotations human-readable details (summary, Z, τ, Δ, the pulled nuisance...)
 */
public record Alert(
    AlertKind kind,
    String stream,
    boolean firing,
    Instant startsAt,
    Optional<Instant> endsAt,
    Map<String, String> annotations) {

  public Alert {
    annotations = Map.copyOf(annotations);
  }

  /** The deduplication key. */
  public String key() {
    return key(stream, kind);
  }

  static String key(String stream, AlertKind kind) {
    return stream + "/" + kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
