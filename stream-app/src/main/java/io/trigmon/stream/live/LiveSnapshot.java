package io.trigmon.stream.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trigmon.stream.alert.AlertConfig;
import io.trigmon.stream.alert.WindowResult;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON the live page polls ({@code GET /api/live?stream=NAME}): the alert thresholds, every
 * stream with its newest Z and alarm state, the selected stream's held windows (oldest first) and
 * the event and dead-letter rates. The selected stream is the one asked for, else the first in
 * alarm, else the first by name. Non-finite numbers (an uncalibrated Z) are written as null.
 *
 * <pre>{@code
 * {"now_ms": ..., "history": 500,
 *  "thresholds": {"z_on": 3.0, "z_off": 2.0, "windows": 3, "drift_pull": 3.0, "stale_after_ms": ...},
 *  "streams": [{"stream": "dimuon", "state": "ALARM", "z": 5.2, "windows": 12, ...}],
 *  "stream": "dimuon", "status": {...},
 *  "windows": [{"window_id", "window_start", "window_end", "n_data", "n_events", "n_expected",
 *               "t", "tau", "delta", "nu_hat": {}, "nu_pull": {}, "p", "z", "above": true,
 *               "ae_score_quantiles": {}, "excess_m12"}],
 *  "rates": {"interval_ms": 5000, "points": [{"time_ms", "events": {stream: 1/s},
 *            "dlq": {reason: 1/s}}]}}
 * }</pre>
 */
public final class LiveSnapshot {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final WindowHistory history;
  private final IngestRates rates;
  private final AlertConfig alerts;
  private final LiveConfig live;

  public LiveSnapshot(
      WindowHistory history, IngestRates rates, AlertConfig alerts, LiveConfig live) {
    this.history = history;
    this.rates = rates;
    this.alerts = alerts;
    this.live = live;
  }

  /** The snapshot for a requested stream (null: the default choice) at a wall-clock time. */
  public ObjectNode json(String requestedStream, long nowMillis) {
    ObjectNode root = JSON.createObjectNode();
    root.put("now_ms", nowMillis);
    root.put("history", history.capacity());
    ObjectNode thresholds = root.putObject("thresholds");
    thresholds.put("z_on", alerts.zOn());
    thresholds.put("z_off", alerts.zOff());
    thresholds.put("windows", alerts.windows());
    thresholds.put("drift_pull", alerts.driftPull());
    thresholds.put("stale_after_ms", alerts.staleAfter().toMillis());

    String selected = null;
    String firstAlarm = null;
    ArrayNode streams = root.putArray("streams");
    for (String stream : history.streams()) {
      StreamStatus status = StreamStatus.of(stream, history.windows(stream), alerts);
      status(streams.addObject(), status);
      if (stream.equals(requestedStream)) {
        selected = stream;
      }
      if (firstAlarm == null && status.state() == StreamStatus.State.ALARM) {
        firstAlarm = stream;
      }
    }
    if (selected == null) {
      selected =
          firstAlarm != null ? firstAlarm : history.streams().stream().findFirst().orElse(null);
    }
    if (selected != null) {
      List<WindowResult> windows = history.windows(selected);
      root.put("stream", selected);
      status(root.putObject("status"), StreamStatus.of(selected, windows, alerts));
      ArrayNode array = root.putArray("windows");
      windows.forEach(w -> window(array.addObject(), w));
    } else {
      root.putNull("stream");
      root.putArray("windows");
    }
    ObjectNode rateNode = root.putObject("rates");
    rateNode.put("interval_ms", live.rateInterval().toMillis());
    ArrayNode points = rateNode.putArray("points");
    for (IngestRates.Point p : rates.points()) {
      ObjectNode point = points.addObject();
      point.put("time_ms", p.timeMillis());
      numbers(point.putObject("events"), p.events());
      numbers(point.putObject("dlq"), p.dlq());
    }
    return root;
  }

  /** The snapshot as UTF-8 JSON bytes. */
  public byte[] bytes(String requestedStream, long nowMillis) {
    try {
      return JSON.writeValueAsBytes(json(requestedStream, nowMillis));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write the live snapshot", e);
    }
  }

  private static void status(ObjectNode node, StreamStatus status) {
    node.put("stream", status.stream());
    node.put("state", status.state().name());
    node.put("drifting", status.drifting());
    number(node, "drift_pull", status.driftPull());
    WindowResult latest = status.latest();
    if (latest == null) {
      node.putNull("z");
      node.putNull("window_id");
      node.putNull("window_end");
    } else {
      number(node, "z", latest.z());
      node.put("window_id", latest.windowId());
      node.put("window_end", latest.windowEnd());
    }
  }

  private void window(ObjectNode node, WindowResult w) {
    node.put("window_id", w.windowId());
    node.put("window_start", w.windowStart());
    node.put("window_end", w.windowEnd());
    node.put("n_data", w.nData());
    node.put("n_events", w.nEvents());
    number(node, "n_expected", w.nExpected() == null ? Double.NaN : w.nExpected());
    number(node, "t", w.t());
    number(node, "tau", w.tau());
    number(node, "delta", w.delta());
    numbers(node.putObject("nu_hat"), w.nuHat());
    ObjectNode pulls = node.putObject("nu_pull");
    new TreeMap<>(w.nuHat())
        .forEach(
            (name, nu) ->
                number(
                    pulls,
                    name,
                    (nu - w.nuAux().getOrDefault(name, 0.0))
                        / w.nuSigma().getOrDefault(name, 1.0)));
    number(node, "p", w.p());
    number(node, "z", w.z());
    node.put("above", w.z() >= alerts.zOn());
    numbers(node.putObject("ae_score_quantiles"), w.aeScoreQuantiles());
    number(node, "excess_m12", w.excessM12() == null ? Double.NaN : w.excessM12());
  }

  private static void numbers(ObjectNode node, Map<String, Double> values) {
    new TreeMap<>(values).forEach((k, v) -> number(node, k, v == null ? Double.NaN : v));
  }

  private static void number(ObjectNode node, String name, double value) {
    if (Double.isFinite(value)) {
      node.put(name, value);
    } else {
      node.putNull(name);
    }
  }
}
