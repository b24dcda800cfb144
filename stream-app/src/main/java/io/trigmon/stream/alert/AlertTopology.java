package io.trigmon.stream.alert;

import io.trigmon.stream.StreamTopics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * The alert topology: {@code monitor.results} → {@link AlertProcessor} (with its persistent state
 * store {@value #STORE}, changelogged, so alert state survives restarts) → the {@link AlertSink}.
 */
public final class AlertTopology {

  /** Name of the per-stream alert state store. */
  public static final String STORE = "trigmon-alert-state";

  private final AlertConfig config;
  private final AlertSink sink;

  public AlertTopology(AlertConfig config, AlertSink sink) {
    this.config = config;
    this.sink = sink;
  }

  /** Adds the alert processors and their store to the builder. */
  public void buildTopology(StreamsBuilder builder) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.String()));
    builder.stream(StreamTopics.MONITOR_RESULTS.name(), StreamTopics.MONITOR_RESULTS.consumed())
        .process(() -> new AlertProcessor(config, sink, STORE), Named.as("alerts"), STORE);
  }
}
