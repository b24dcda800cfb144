package io.trigmon.flink.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.SimpleOperatorFactory;
import org.apache.flink.streaming.api.transformations.OneInputTransformation;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

/**
 * The real window operator, as the job builds it (tumbling event-time windows, allowed lateness,
 * {@link FireOnceAfterLateness}), in a keyed harness.
 */
class FireOnceAfterLatenessTest {

  static final long WINDOW = 10_000;
  static final long LATENESS = 3_000;

  /** Emits "key start count" once per firing. */
  static final class CountWindow extends ProcessWindowFunction<String, String, String, TimeWindow> {
    @Override
    public void process(
        String key, Context context, Iterable<String> elements, Collector<String> out) {
      int n = 0;
      for (String ignored : elements) {
        n++;
      }
      out.collect(key + " " + context.window().getStart() + " " + n);
    }
  }

  static final class Identity implements KeySelector<String, String> {
    @Override
    public String getKey(String value) {
      return value;
    }
  }

  @SuppressWarnings("unchecked")
  static KeyedOneInputStreamOperatorTestHarness<String, String, String> harness() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    DataStream<String> windowed =
        env.fromData("a")
            .keyBy(new Identity())
            .window(TumblingEventTimeWindows.of(Duration.ofMillis(WINDOW)))
            .allowedLateness(Duration.ofMillis(LATENESS))
            .trigger(new FireOnceAfterLateness(LATENESS))
            .process(new CountWindow(), Types.STRING);
    var transformation = (OneInputTransformation<String, String>) windowed.getTransformation();
    var factory = (SimpleOperatorFactory<String>) transformation.getOperatorFactory();
    var operator = (OneInputStreamOperator<String, String>) factory.getOperator();
    return new KeyedOneInputStreamOperatorTestHarness<>(operator, new Identity(), Types.STRING);
  }

  @Test
  void firesOnceAtEndPlusLatenessCountingLateEventsAndClearsState() throws Exception {
    try (var harness = harness()) {
      harness.open();
      harness.processElement(new StreamRecord<>("s", 1_000));
      harness.processElement(new StreamRecord<>("s", 9_000));
      harness.processWatermark(new Watermark(WINDOW)); // the window's end: no result yet
      assertThat(harness.extractOutputValues()).isEmpty();

      harness.processElement(new StreamRecord<>("s", 5_000)); // late, within the lateness
      harness.processWatermark(new Watermark(WINDOW - 1 + LATENESS));

      assertThat(harness.extractOutputValues()).containsExactly("s 0 3");
      assertThat(harness.numEventTimeTimers()).isZero();
      assertThat(harness.numKeyedStateEntries()).isZero();
    }
  }

  @Test
  void eventsBeyondTheLatenessAreNotReportedAgain() throws Exception {
    try (var harness = harness()) {
      harness.open();
      harness.processElement(new StreamRecord<>("s", 2_000));
      harness.processWatermark(new Watermark(WINDOW + LATENESS));
      harness.processElement(new StreamRecord<>("s", 3_000)); // too late: dropped
      harness.processWatermark(new Watermark(3 * WINDOW));

      assertThat(harness.extractOutputValues()).containsExactly("s 0 1");
      assertThat(harness.numKeyedStateEntries()).isZero();
    }
  }
}
