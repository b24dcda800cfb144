package io.trigmon.flink.functions;

import org.apache.flink.streaming.api.windowing.triggers.Trigger;
import org.apache.flink.streaming.api.windowing.triggers.TriggerResult;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;

/**
 * Fires an event-time window exactly once, when the watermark passes its end plus the allowed
 * lateness, and purges it. Flink's default trigger fires at the window's end and again for every
 * late event, which would report a window more than once; here late events within the lateness are
 * simply counted in the one result (DESIGN §6: each window reported exactly once). The window
 * operator must be given the same allowed lateness so that it keeps the window's state that long.
 */
public final class FireOnceAfterLateness extends Trigger<Object, TimeWindow> {

  private final long latenessMillis;

  public FireOnceAfterLateness(long latenessMillis) {
    if (latenessMillis < 0) {
      throw new IllegalArgumentException("lateness must not be negative: " + latenessMillis);
    }
    this.latenessMillis = latenessMillis;
  }

  private long fireAt(TimeWindow window) {
    return window.maxTimestamp() + latenessMillis;
  }

  @Override
  public TriggerResult onElement(
      Object element, long timestamp, TimeWindow window, TriggerContext context) {
    if (fireAt(window) <= context.getCurrentWatermark()) {
      // Cannot happen while the operator's lateness equals ours: such an element is dropped.
      return TriggerResult.FIRE_AND_PURGE;
    }
    context.registerEventTimeTimer(fireAt(window));
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext context) {
    return time == fireAt(window) ? TriggerResult.FIRE_AND_PURGE : TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext context) {
    return TriggerResult.CONTINUE;
  }

  @Override
  public void clear(TimeWindow window, TriggerContext context) {
    context.deleteEventTimeTimer(fireAt(window));
  }

  @Override
  public String toString() {
    return "FireOnceAfterLateness(" + latenessMillis + " ms)";
  }
}
