package io.trigmon.flink.functions;

import io.trigmon.flink.records.ScoredEvent;
import io.trigmon.flink.records.WindowAccumulator;
import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * Adds each event to its window's {@link WindowAccumulator} as it arrives, so a window's state is
 * its count, lepton pairs and scores rather than every event; {@link CollectWindow} turns it into
 * the window's sample when the window fires.
 */
public final class AccumulateWindow
    implements AggregateFunction<ScoredEvent, WindowAccumulator, WindowAccumulator> {

  @Override
  public WindowAccumulator createAccumulator() {
    return new WindowAccumulator();
  }

  @Override
  public WindowAccumulator add(ScoredEvent event, WindowAccumulator window) {
    return window.add(event);
  }

  @Override
  public WindowAccumulator getResult(WindowAccumulator window) {
    return window;
  }

  @Override
  public WindowAccumulator merge(WindowAccumulator a, WindowAccumulator b) {
    return a.addAll(b);
  }
}
