package io.trigmon.flink.functions;

import io.trigmon.flink.MonitorMetrics;
import io.trigmon.flink.records.DeadLetter;
import io.trigmon.flink.records.Luminosity;
import io.trigmon.flink.records.RawRecord;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Parses the records of {@code monitor.luminosity} ({@link Luminosity#fromJson(byte[])}); a record
 * that is not one goes to the {@link #DEAD_LETTERS} side output with reason {@value #REASON} and is
 * counted in {@code trigmon_dlq_events_total}: it never fails the job, and its window falls back to
 * the configured rate.
 */
public final class ParseLuminosity extends ProcessFunction<RawRecord, Luminosity> {

  /** Reason code of an unusable luminosity record. */
  public static final String REASON = "bad_luminosity";

  /** Luminosity records the job cannot use, bound for {@code events.dlq}. */
  public static final OutputTag<DeadLetter> DEAD_LETTERS =
      new OutputTag<>("luminosity-dead-letters", TypeInformation.of(DeadLetter.class));

  @Override
  public void processElement(RawRecord record, Context context, Collector<Luminosity> out) {
    try {
      out.collect(Luminosity.fromJson(record.value()));
    } catch (IllegalArgumentException e) {
      MonitorMetrics.deadLetter(REASON);
      context.output(DEAD_LETTERS, new DeadLetter(REASON, e.getMessage(), record));
    }
  }
}
