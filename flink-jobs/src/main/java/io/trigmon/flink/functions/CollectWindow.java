package io.trigmon.flink.functions;

import io.trigmon.flink.records.ScoredEvent;
import io.trigmon.flink.records.WindowSample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Closes a window of one stream into its {@link WindowSample}: the events in canonical order (event
 * time, then features, then score), so that what the test reads never depends on arrival order. A
 * replay at any speed, with any interleaving within the out-of-orderness, gives the same sample.
 */
public final class CollectWindow
    extends ProcessWindowFunction<ScoredEvent, WindowSample, String, TimeWindow> {

  private static final Comparator<ScoredEvent> CANONICAL_ORDER =
      Comparator.comparingLong(ScoredEvent::eventTimeNanos)
          .thenComparing(ScoredEvent::dilepton, Arrays::compare)
          .thenComparingDouble(ScoredEvent::aeScore);

  @Override
  public void process(
      String stream, Context context, Iterable<ScoredEvent> elements, Collector<WindowSample> out) {
    List<ScoredEvent> events = new ArrayList<>();
    elements.forEach(events::add);
    events.sort(CANONICAL_ORDER);
    TimeWindow window = context.window();
    out.collect(
        new WindowSample(
            stream,
            window.getStart(),
            window.getEnd(),
            events.size(),
            events.stream()
                .filter(ScoredEvent::hasDilepton)
                .map(ScoredEvent::dilepton)
                .toArray(double[][]::new),
            events.stream().mapToDouble(ScoredEvent::aeScore).toArray(),
            null));
  }
}
