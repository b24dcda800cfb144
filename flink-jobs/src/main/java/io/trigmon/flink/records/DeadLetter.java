package io.trigmon.flink.records;

/**
 * A record the job could not use, bound for {@code events.dlq}: its own key and value, byte for
 * byte, with the reason code and where it came from (the same headers as the stream-app's ingest
 * dead letters, see {@link DeadLetterSerializationSchema}).
 *
 * @param reason stable reason code ({@link io.trigmon.event.Reason#code()})
 * @param detail every problem on one line, for a human
 * @param source the record as read
 */
public record DeadLetter(String reason, String detail, RawRecord source) {}
