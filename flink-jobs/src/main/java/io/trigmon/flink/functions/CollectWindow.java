package io.trigmon.flink.functions;

import io.trigmon.flink.records.WindowAccumulator;
import io.trigmon.flink.records.WindowSample;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Closes a window of one stream into its {@link WindowSample}, from the state {@link
 * AccumulateWindow} filled: the lepton pairs in canonical order (event time, then features), so
 * that what the test reads never depends on arrival order. A replay at any speed, with any
 * interleaving within the out-of-orderness, gives the same sample.
 */
public final class CollectWindow
    extends ProcessWindowFunction<WindowAccumulator, WindowSample, String, TimeWindow> {

  @Override
  public void process(
      String stream,
      Context context,
      Iterable<WindowAccumulator> accumulated,
      Collector<WindowSample> out) {
    TimeWindow window = context.window();
    for (WindowAccumulator events : accumulated) { // exactly one per window
      out.collect(events.sample(stream, window.getStart(), window.getEnd()));
    }
  }
}
