package io.trigmon.stream.alert;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * What the alert topology remembers per stream, in its persistent state store (JSON), so that a
 * restarted app neither repeats nor forgets an alert.
 *
 * @param lastSeenMs wall time the last result arrived
 * @param lastWindowId id of the last result processed
 * @param lastWindowEnd its window end; older results are duplicates (a replay, a restart)
 * @param highCount consecutive windows with Z ≥ Z_on
 * @param driftCount consecutive windows with a pull ≥ the drift threshold
 * @param firing start time (ms) of each firing alert kind
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record StreamAlertState(
    @JsonProperty("last_seen_ms") long lastSeenMs,
    @JsonProperty("last_window_id") String lastWindowId,
    @JsonProperty("last_window_end") long lastWindowEnd,
    @JsonProperty("high_count") int highCount,
    @JsonProperty("drift_count") int driftCount,
    @JsonProperty("firing") Map<AlertKind, Long> firing) {

  private static final ObjectMapper JSON = new ObjectMapper();

  StreamAlertState {
    firing = firing == null ? new HashMap<>() : new HashMap<>(firing);
  }

  static StreamAlertState initial() {
    return new StreamAlertState(0, null, Long.MIN_VALUE, 0, 0, Map.of());
  }

  boolean isFiring(AlertKind kind) {
    return firing.containsKey(kind);
  }

  static StreamAlertState fromJson(String json) {
    try {
      return JSON.readValue(json, StreamAlertState.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
