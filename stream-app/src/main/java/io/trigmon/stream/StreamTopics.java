package io.trigmon.stream;

import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The immutable catalogue of the topics the stream app reads and writes (DESIGN §7), each with its
 * serdes. Events travel as the bytes of {@link io.trigmon.event.EventCodec}: the ingest topology
 * must see the original bytes of a bad record to pass them on to the dead-letter topic unchanged,
 * so event topics use byte-array serdes and decoding happens inside the processor.
 */
public final class StreamTopics {

  /** Raw events: key whatever the producer chose, value untrusted bytes. */
  public static final TopicSpec<byte[], byte[]> EVENTS_RAW =
      new TopicSpec<>("events.raw", Serdes.ByteArray(), Serdes.ByteArray());

  /** Valid events: key the stream key (UTF-8), value canonical {@code EventCodec} bytes. */
  public static final TopicSpec<byte[], byte[]> EVENTS_VALID =
      new TopicSpec<>("events.valid", Serdes.ByteArray(), Serdes.ByteArray());

  /**
   * Rejected records: original key and bytes, reason and source in headers ({@code DeadLetter}).
   */
  public static final TopicSpec<byte[], byte[]> EVENTS_DLQ =
      new TopicSpec<>("events.dlq", Serdes.ByteArray(), Serdes.ByteArray());

  /** Window results: key the stream key, value the JSON of a {@code WindowResult}. */
  public static final TopicSpec<String, String> MONITOR_RESULTS =
      new TopicSpec<>("monitor.results", Serdes.String(), Serdes.String());

  /** Every topic, in pipeline order. */
  public static final List<TopicSpec<?, ?>> ALL =
      List.of(EVENTS_RAW, EVENTS_VALID, EVENTS_DLQ, MONITOR_RESULTS);

  private StreamTopics() {}
}
