package io.trigmon.cli;

import io.trigmon.event.EventValidator;
import io.trigmon.event.Validation;
import io.trigmon.flink.records.RawRecord;
import java.time.Duration;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.Collector;

/**
 * The benchmark's trivial Flink job, the yardstick of the monitor: decode and validate each record,
 * event time and watermarks as the monitor has them, per-stream tumbling event-time windows that
 * only count their events, checkpoints at the same interval. What it costs is Kafka, the codec and
 * Flink's own record handling; what the monitor costs beyond it is scoring and the NPLM test.
 */
final class WindowCountJob {

  /** Accumulator with the number of events counted in fired windows. */
  static final String COUNTED = "events-counted";

  private final Source<RawRecord, ?, ?> source;
  private final Duration window;
  private final Duration outOfOrderness;
  private final Duration checkpointInterval;

  WindowCountJob(
      Source<RawRecord, ?, ?> source,
      Duration window,
      Duration outOfOrderness,
      Duration checkpointInterval) {
    this.source = source;
    this.window = window;
    this.outOfOrderness = outOfOrderness;
    this.checkpointInterval = checkpointInterval;
  }

  JobExecutionResult execute(StreamExecutionEnvironment env) throws Exception {
    env.enableCheckpointing(checkpointInterval.toMillis(), CheckpointingMode.EXACTLY_ONCE);
    env.fromSource(source, WatermarkStrategy.noWatermarks(), "events")
        .uid("events-source")
        .flatMap(new StreamAndTime())
        .name("decode and validate")
        .uid("decode")
        .assignTimestampsAndWatermarks(
            WatermarkStrategy.<Tuple2<String, Long>>forBoundedOutOfOrderness(outOfOrderness)
                .withTimestampAssigner((e, ts) -> Math.floorDiv(e.f1, 1_000_000L)))
        .name("event time")
        .uid("event-time")
        .keyBy(new ByStream())
        .window(TumblingEventTimeWindows.of(window))
        .aggregate(new Count())
        .name("window count")
        .uid("window-count")
        .map(new Counted())
        .name("counted")
        .uid("counted")
        .sinkTo(new DiscardingSink<>())
        .name("discard")
        .uid("discard");
    return env.execute("trigmon-bench-window-count");
  }

  /** A valid event's stream key and event time (ns); invalid records are dropped. */
  static final class StreamAndTime implements FlatMapFunction<RawRecord, Tuple2<String, Long>> {
    @Override
    public void flatMap(RawRecord record, Collector<Tuple2<String, Long>> out) {
      Validation validation = EventValidator.decodeAndValidate(record.value());
      if (validation.isValid()) {
        out.collect(
            Tuple2.of(validation.validEvent().stream(), validation.validEvent().eventTimeNanos()));
      }
    }
  }

  /** The stream key. */
  static final class ByStream implements KeySelector<Tuple2<String, Long>, String> {
    @Override
    public String getKey(Tuple2<String, Long> event) {
      return event.f0;
    }
  }

  /** Counts a window's events. */
  static final class Count implements AggregateFunction<Tuple2<String, Long>, Long, Long> {
    @Override
    public Long createAccumulator() {
      return 0L;
    }

    @Override
    public Long add(Tuple2<String, Long> value, Long count) {
      return count + 1;
    }

    @Override
    public Long getResult(Long count) {
      return count;
    }

    @Override
    public Long merge(Long a, Long b) {
      return a + b;
    }
  }

  /** Adds each window's count to the {@value #COUNTED} accumulator. */
  static final class Counted extends RichMapFunction<Long, Long> {
    private transient LongCounter counted;

    @Override
    public void open(OpenContext context) {
      counted = new LongCounter();
      getRuntimeContext().addAccumulator(COUNTED, counted);
    }

    @Override
    public Long map(Long count) {
      counted.add(count);
      return count;
    }
  }
}
