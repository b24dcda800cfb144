package io.trigmon.flink.records;

import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Writes a {@link DeadLetter} to the dead-letter topic: the rejected record's key and value as they
 * were, with headers {@value #REASON} (reason code), {@value #DETAIL}, {@value #SOURCE_TOPIC},
 * {@value #SOURCE_PARTITION} and {@value #SOURCE_OFFSET} — the names the stream-app's ingest uses.
 */
public final class DeadLetterSerializationSchema
    implements KafkaRecordSerializationSchema<DeadLetter> {

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

  /** Longest detail kept, in characters. */
  static final int MAX_DETAIL_CHARS = 1000;

  private final String topic;

  public DeadLetterSerializationSchema(String topic) {
    this.topic = topic;
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(
      DeadLetter letter, KafkaSinkContext context, Long timestamp) {
    RawRecord source = letter.source();
    RecordHeaders headers = new RecordHeaders();
    headers.add(REASON, utf8(letter.reason()));
    String detail = letter.detail();
    headers.add(
        DETAIL,
        utf8(detail.length() > MAX_DETAIL_CHARS ? detail.substring(0, MAX_DETAIL_CHARS) : detail));
    headers.add(SOURCE_TOPIC, utf8(source.topic()));
    headers.add(SOURCE_PARTITION, utf8(Integer.toString(source.partition())));
    headers.add(SOURCE_OFFSET, utf8(Long.toString(source.offset())));
    return new ProducerRecord<>(topic, null, timestamp, source.key(), source.value(), headers);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
