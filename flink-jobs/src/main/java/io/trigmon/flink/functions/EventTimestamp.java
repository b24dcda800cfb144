package io.trigmon.flink.functions;

import io.trigmon.flink.records.ScoredEvent;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;

/** Event time of an event for Flink: its own time stamp, ns → ms (floor). */
public final class EventTimestamp implements SerializableTimestampAssigner<ScoredEvent> {

  @Override
  public long extractTimestamp(ScoredEvent event, long recordTimestamp) {
    return Math.floorDiv(event.eventTimeNanos(), 1_000_000L);
  }
}
