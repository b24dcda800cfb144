package io.trigmon.stream.ingest;

/**
 * What {@link IngestProcessor} decided for one record, between the processor and the two sinks of
 * {@link IngestTopology}; never serialised.
 *
 * @param valid whether it goes to {@code events.valid} (else {@code events.dlq})
 * @param bytes the value to write: canonical bytes of a valid event, or the original bytes
 */
public record IngestOutcome(boolean valid, byte[] bytes) {}
