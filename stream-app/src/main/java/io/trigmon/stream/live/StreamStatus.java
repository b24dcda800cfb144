package io.trigmon.stream.live;

import io.trigmon.stream.alert.AlertConfig;
import io.trigmon.stream.alert.WindowResult;
import java.util.List;

/**
 * What the top of the live page says about one stream: its newest window's Z and the alarm state,
 * judged by the alert hooks' own rule (DESIGN §7; {@link AlertConfig}): raised after {@code
 * alert.windows} consecutive windows with Z ≥ {@code alert.z.on}, cleared by the first window with
 * Z &lt; {@code alert.z.off}, replayed over the held history.
 *
 * @param stream the stream key
 * @param latest the newest window, or null when none is held
 * @param state the alarm state
 * @param driftPull the newest window's largest |ν̂ − ν_A|/σ (0 without nuisances)
 * @param drifting whether that pull reaches {@code alert.drift.pull}
 */
public record StreamStatus(
    String stream, WindowResult latest, State state, double driftPull, boolean drifting) {

  /** The alarm state of a stream, most urgent first. */
  public enum State {
    /** The anomaly alert is raised. */
    ALARM,
    /** The newest window is at or above the raise threshold, not yet for enough windows. */
    ABOVE_THRESHOLD,
    /** Below threshold. */
    OK,
    /** The newest result has no calibrated Z (the job runs without a calibration). */
    NO_CALIBRATION,
    /** No result yet. */
    NO_DATA
  }

  /** The status of a stream from its windows (oldest first). */
  public static StreamStatus of(String stream, List<WindowResult> windows, AlertConfig alerts) {
    if (windows.isEmpty()) {
      return new StreamStatus(stream, null, State.NO_DATA, 0, false);
    }
    boolean raised = false;
    int high = 0;
    for (WindowResult w : windows) {
      high = w.z() >= alerts.zOn() ? high + 1 : 0;
      if (!raised && high >= alerts.windows()) {
        raised = true;
      } else if (raised && w.z() < alerts.zOff()) {
        raised = false;
      }
    }
    WindowResult latest = windows.get(windows.size() - 1);
    State state;
    if (raised) {
      state = State.ALARM;
    } else if (!latest.calibrated()) {
      state = State.NO_CALIBRATION;
    } else if (latest.z() >= alerts.zOn()) {
      state = State.ABOVE_THRESHOLD;
    } else {
      state = State.OK;
    }
    double pull = latest.largestPull().getValue();
    return new StreamStatus(stream, latest, state, pull, pull >= alerts.driftPull());
  }
}
