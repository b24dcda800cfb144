package io.trigmon.broker;

import java.util.List;

/**
 * The Kafka topics users see (DESIGN §7). A broker started by {@link KafkaBroker} creates them all.
 */
public final class TrigmonTopics {

  /** Events as they arrive from a detector, the simulator or a replay: not yet validated. */
  public static final String EVENTS_RAW = "events.raw";

  /** Events that decoded and passed validation: what the monitor reads. */
  public static final String EVENTS_VALID = "events.valid";

  /** Records that did not decode or failed validation, with the reason in a header. */
  public static final String EVENTS_DLQ = "events.dlq";

  /** One record per window: t, τ, Δ, ν̂, p and Z. */
  public static final String MONITOR_RESULTS = "monitor.results";

  /**
   * Expected counts N(R0) per stream and time interval (lumisection or window), JSON, from a
   * luminosity or rate source: what the monitor normalises each window with (DESIGN §6).
   */
  public static final String MONITOR_LUMINOSITY = "monitor.luminosity";

  /** All of them, in pipeline order. */
  public static final List<String> ALL =
      List.of(EVENTS_RAW, EVENTS_VALID, EVENTS_DLQ, MONITOR_RESULTS, MONITOR_LUMINOSITY);

  private TrigmonTopics() {}
}
