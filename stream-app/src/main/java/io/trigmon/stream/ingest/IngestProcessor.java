package io.trigmon.stream.ingest;

import io.trigmon.event.Event;
import io.trigmon.event.EventCodec;
import io.trigmon.event.EventValidator;
import io.trigmon.event.Validation;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes and validates each raw record ({@link EventValidator#decodeAndValidate(byte[])}) and
 * forwards either the valid event, re-encoded and keyed by its stream, or the original record with
 * the {@link DeadLetter} headers. Never throws on a record: an unexpected failure sends the record
 * to the dead-letter topic with reason {@value DeadLetter#PROCESSING_ERROR}.
 */
final class IngestProcessor implements Processor<byte[], byte[], byte[], IngestOutcome> {

  private static final Logger LOG = LoggerFactory.getLogger(IngestProcessor.class);

  private final IngestMetrics metrics;
  private ProcessorContext<byte[], IngestOutcome> context;

  IngestProcessor(IngestMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<byte[], IngestOutcome> context) {
    this.context = context;
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    Validation validation;
    byte[] canonical;
    try {
      validation = EventValidator.decodeAndValidate(record.value());
      canonical = validation.isValid() ? EventCodec.encode(validation.event()) : null;
    } catch (RuntimeException e) {
      LOG.warn("ingest failed on a record; sent to the dead-letter topic", e);
      metrics.processingError();
      forwardDeadLetter(record, DeadLetter.PROCESSING_ERROR, "processing failed: " + e);
      return;
    }
    if (canonical != null) {
      Event event = validation.event();
      metrics.valid(event.stream());
      context.forward(
          record
              .withKey(event.stream().getBytes(StandardCharsets.UTF_8))
              .withValue(new IngestOutcome(true, canonical)));
    } else {
      metrics.rejected(validation.reason());
      forwardDeadLetter(record, validation.reason().code(), validation.summary());
    }
  }

  private void forwardDeadLetter(Record<byte[], byte[]> record, String reason, String detail) {
    Headers headers = new RecordHeaders(record.headers().toArray());
    add(headers, DeadLetter.REASON, reason);
    add(headers, DeadLetter.DETAIL, DeadLetter.truncate(detail));
    Optional<RecordMetadata> source = context.recordMetadata();
    if (source.isPresent()) {
      add(headers, DeadLetter.SOURCE_TOPIC, source.get().topic());
      add(headers, DeadLetter.SOURCE_PARTITION, Integer.toString(source.get().partition()));
      add(headers, DeadLetter.SOURCE_OFFSET, Long.toString(source.get().offset()));
    }
    byte[] original = record.value() == null ? new byte[0] : record.value();
    context.forward(record.withValue(new IngestOutcome(false, original)).withHeaders(headers));
  }

  private static void add(Headers headers, String name, String value) {
    headers.remove(name); // a producer cannot forge our headers
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
