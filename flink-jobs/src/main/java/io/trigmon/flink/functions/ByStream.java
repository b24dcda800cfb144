package io.trigmon.flink.functions;

import io.trigmon.flink.records.ScoredEvent;
import org.apache.flink.api.java.functions.KeySelector;

/** Windows are per trigger stream (DESIGN §6). */
public final class ByStream implements KeySelector<ScoredEvent, String> {

  @Override
  public String getKey(ScoredEvent event) {
    return event.stream();
  }
}
