package io.trigmon.flink.functions;

import io.trigmon.flink.records.Luminosity;
import io.trigmon.flink.records.WindowSample;
import io.trigmon.flink.records.WindowSampleTypeInfoFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Joins each closed window with the luminosity records of its stream, in event time, to give it its
 * expected count N(R0) ({@link ExpectedCount}). Keyed by stream: luminosity records wait in keyed
 * state; a window waits until the watermark of both inputs has passed its end — so every luminosity
 * record starting inside it has arrived, or the luminosity input is idle — then leaves with its
 * count, or with none (the test then uses the configured rate, or shape-only). The records a window
 * used and every earlier one are then dropped from state, and so is the window.
 */
public final class ExpectedCountJoin
    extends KeyedCoProcessFunction<String, WindowSample, Luminosity, WindowSample> {

  private transient MapState<Long, Luminosity> luminosity;
  private transient MapState<Long, WindowSample> waiting;

  @Override
  public void open(OpenContext context) {
    luminosity =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "luminosity", Types.LONG, TypeInformation.of(Luminosity.class)));
    waiting =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "waiting-windows", Types.LONG, WindowSampleTypeInfoFactory.typeInfo()));
  }

  @Override
  public void processElement1(WindowSample window, Context context, Collector<WindowSample> out)
      throws Exception {
    waiting.put(window.windowStartMillis(), window);
    context.timerService().registerEventTimeTimer(window.windowEndMillis() - 1);
  }

  @Override
  public void processElement2(Luminosity record, Context context, Collector<WindowSample> out)
      throws Exception {
    luminosity.put(record.startMillis(), record);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext context, Collector<WindowSample> out)
      throws Exception {
    List<WindowSample> due = new ArrayList<>();
    for (WindowSample window : waiting.values()) {
      if (window.windowEndMillis() - 1 <= timestamp) {
        due.add(window);
      }
    }
    due.sort((a, b) -> Long.compare(a.windowStartMillis(), b.windowStartMillis()));
    for (WindowSample window : due) {
      long start = window.windowStartMillis();
      long end = window.windowEndMillis();
      out.collect(window.withExpected(ExpectedCount.of(luminosity.values(), start, end)));
      waiting.remove(start);
      dropBefore(end);
    }
  }

  /** Drops the luminosity records that end at or before {@code end}: no later window needs them. */
  private void dropBefore(long end) throws Exception {
    List<Long> done = new ArrayList<>();
    for (Map.Entry<Long, Luminosity> e : luminosity.entries()) {
      if (e.getValue().endMillis() <= end) {
        done.add(e.getKey());
      }
    }
    for (Long key : done) {
      luminosity.remove(key);
    }
  }
}
