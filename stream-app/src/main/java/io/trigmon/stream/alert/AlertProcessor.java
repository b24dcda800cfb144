package io.trigmon.stream.alert;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises and clears alerts from window results, per stream, with hysteresis:
 *
 * <ul>
 *   <li><b>anomaly</b>: raised after {@code k} consecutive windows with Z ≥ Z_on, cleared by the
 *       first window with Z &lt; Z_off (between the two nothing changes);
 *   <li><b>calibration drift</b>: raised after {@code k} consecutive windows where some nuisance is
 *       pulled by |ν̂ − ν_A|/σ ≥ the drift threshold, cleared by the first window where every pull
 *       is below half of it;
 *   <li><b>stale stream</b>: raised by a wall-clock punctuator when a stream sent no result for the
 *       configured time, cleared by its next result.
 * </ul>
 *
 * Results whose window is not newer than the last one processed (a replay, reprocessing after a
 * restart) change nothing. The state lives in a persistent store, so after a restart a firing alert
 * is neither raised again nor forgotten. Unparseable results are logged and skipped.
 */
final class AlertProcessor implements Processor<String, String, Void, Void> {

  private static final Logger LOG = LoggerFactory.getLogger(AlertProcessor.class);

  private final AlertConfig config;
  private final AlertSink sink;
  private final String storeName;
  private ProcessorContext<Void, Void> context;
  private KeyValueStore<String, String> store;

  AlertProcessor(AlertConfig config, AlertSink sink, String storeName) {
    this.config = config;
    this.sink = sink;
    this.storeName = storeName;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
    context.schedule(config.staleCheck(), PunctuationType.WALL_CLOCK_TIME, this::checkStale);
  }

  @Override
  public void process(Record<String, String> record) {
    WindowResult result;
    try {
      result = WindowResult.fromJson(record.value() == null ? "null" : record.value());
    } catch (IOException | RuntimeException e) {
      LOG.warn("skipping an unreadable window result: {}", e.toString());
      return;
    }
    long now = context.currentSystemTimeMs();
    String stored = store.get(result.stream());
    StreamAlertState state =
        stored == null ? StreamAlertState.initial() : StreamAlertState.fromJson(stored);
    if (result.windowId().equals(state.lastWindowId())
        || result.windowEnd() < state.lastWindowEnd()) {
      return; // already seen
    }
    Map<AlertKind, Long> firing = new HashMap<>(state.firing());
    if (firing.containsKey(AlertKind.STALE_STREAM)) {
      clear(
          result.stream(),
          AlertKind.STALE_STREAM,
          firing,
          now,
          Map.of("summary", "results arrive again"));
    }
    int high = result.z() >= config.zOn() ? state.highCount() + 1 : 0;
    if (!firing.containsKey(AlertKind.ANOMALY) && high >= config.windows()) {
      raise(result.stream(), AlertKind.ANOMALY, firing, now, anomalyDetails(result));
    } else if (firing.containsKey(AlertKind.ANOMALY) && result.z() < config.zOff()) {
      clear(result.stream(), AlertKind.ANOMALY, firing, now, anomalyDetails(result));
    }
    Map.Entry<String, Double> pull = result.largestPull();
    int drift = pull.getValue() >= config.driftPull() ? state.driftCount() + 1 : 0;
    if (!firing.containsKey(AlertKind.CALIBRATION_DRIFT) && drift >= config.windows()) {
      raise(result.stream(), AlertKind.CALIBRATION_DRIFT, firing, now, driftDetails(result, pull));
    } else if (firing.containsKey(AlertKind.CALIBRATION_DRIFT)
        && pull.getValue() < config.driftPull() / 2) {
      clear(result.stream(), AlertKind.CALIBRATION_DRIFT, firing, now, driftDetails(result, pull));
    }
    store.put(
        result.stream(),
        new StreamAlertState(now, result.windowId(), result.windowEnd(), high, drift, firing)
            .toJson());
  }

  private void checkStale(long now) {
    try (KeyValueIterator<String, String> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, String> entry = all.next();
        StreamAlertState state = StreamAlertState.fromJson(entry.value);
        if (!state.isFiring(AlertKind.STALE_STREAM)
            && now - state.lastSeenMs() >= config.staleAfter().toMillis()) {
          Map<AlertKind, Long> firing = new HashMap<>(state.firing());
          raise(
              entry.key,
              AlertKind.STALE_STREAM,
              firing,
              now,
              Map.of(
                  "summary",
                  "no window result for "
                      + Duration.ofMillis(now - state.lastSeenMs()).toSeconds()
                      + " s (last window "
                      + state.lastWindowId()
                      + ")"));
          store.put(
              entry.key,
              new StreamAlertState(
                      state.lastSeenMs(),
                      state.lastWindowId(),
                      state.lastWindowEnd(),
                      state.highCount(),
                      state.driftCount(),
                      firing)
                  .toJson());
        }
      }
    }
  }

  private void raise(
      String stream,
      AlertKind kind,
      Map<AlertKind, Long> firing,
      long now,
      Map<String, String> details) {
    firing.put(kind, now);
    sink.accept(
        new Alert(kind, stream, true, Instant.ofEpochMilli(now), Optional.empty(), details));
  }

  private void clear(
      String stream,
      AlertKind kind,
      Map<AlertKind, Long> firing,
      long now,
      Map<String, String> details) {
    Long started = firing.remove(kind);
    sink.accept(
        new Alert(
            kind,
            stream,
            false,
            Instant.ofEpochMilli(started == null ? now : started),
            Optional.of(Instant.ofEpochMilli(now)),
            details));
  }

  private Map<String, String> anomalyDetails(WindowResult r) {
    Map<String, String> d = new LinkedHashMap<>();
    d.put(
        "summary",
        String.format(
            Locale.ROOT,
            "stream %s: Z = %.2f in window %s (t = tau - delta = %.2f - %.2f)",
            r.stream(),
            r.z(),
            r.windowId(),
            r.tau(),
            r.delta()));
    d.put("z", Double.toString(r.z()));
    d.put("t", Double.toString(r.t()));
    d.put("tau", Double.toString(r.tau()));
    d.put("delta", Double.toString(r.delta()));
    d.put("window_id", r.windowId());
    return d;
  }

  private Map<String, String> driftDetails(WindowResult r, Map.Entry<String, Double> pull) {
    Map<String, String> d = new LinkedHashMap<>();
    d.put(
        "summary",
        String.format(
            Locale.ROOT,
            "stream %s: nuisance %s pulled by %.2f sigma in window %s (delta = %.2f)",
            r.stream(),
            pull.getKey(),
            pull.getValue(),
            r.windowId(),
            r.delta()));
    d.put("nuisance", pull.getKey());
    d.put("pull", Double.toString(pull.getValue()));
    d.put("delta", Double.toString(r.delta()));
    d.put("window_id", r.windowId());
    return d;
  }
}
