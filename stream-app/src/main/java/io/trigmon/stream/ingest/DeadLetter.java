package io.trigmon.stream.ingest;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The headers of a record on {@code events.dlq}. The value and key are the rejected record's own,
 * byte for byte, and its original headers are kept; these are added:
 *
 * <table>
 *   <caption>Dead-letter headers (values UTF-8)</caption>
 *   <tr><th>Header</th><th>Value</th></tr>
 *   <tr><td>{@value #REASON}</td><td>stable reason code ({@link io.trigmon.event.Reason#code()},
 *       or {@value #PROCESSING_ERROR}): the {@code reason} label of
 *       {@code trigmon_dlq_events_total}</td></tr>
 *   <tr><td>{@value #DETAIL}</td><td>every problem on one line, for a human (at most
 *       {@value #MAX_DETAIL_CHARS} characters)</td></tr>
 *   <tr><td>{@value #SOURCE_TOPIC}</td><td>topic the record was read from</td></tr>
 *   <tr><td>{@value #SOURCE_PARTITION}</td><td>its partition, decimal</td></tr>
 *   <tr><td>{@value #SOURCE_OFFSET}</td><td>its offset, decimal</td></tr>
 * </table>
 */
public final class DeadLetter {

  /** Header with the reason code. */
  public static final String REASON = "trigmon.reason";

  /** Header with the human-readable detail. */
  public static final String DETAIL = "trigmon.detail";

  /** Header with the source topic. */
  public static final String SOURCE_TOPIC = "trigmon.source.topic";

  /** Header with the source partition. */
  public static final String SOURCE_PARTITION = "trigmon.source.partition";

  /** Header with the source offset. */
  public static final String SOURCE_OFFSET = "trigmon.source.offset";

  /**
   * Reason code of a record whose processing failed unexpectedly (a bug, not bad input): the record
   * still goes to the dead-letter topic instead of stopping the stream.
   */
  public static final String PROCESSING_ERROR = "processing_error";

  /** Longest detail header, in characters. */
  public static final int MAX_DETAIL_CHARS = 1000;

  private DeadLetter() {}

  /** The value of a header as text, or null when the record has no such header. */
  public static String header(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  static String truncate(String detail) {
    return detail.length() <= MAX_DETAIL_CHARS
        ? detail
        : detail.substring(0, MAX_DETAIL_CHARS - 3) + "...";
  }
}
