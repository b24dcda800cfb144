package io.trigmon.flink.records;

/**
 * One record as read from {@code events.valid}: its bytes and where it came from, so that a record
 * the job cannot use can be sent to the dead-letter topic as it was, with its origin.
 *
 * @param topic source topic
 * @param partition source partition
 * @param offset source offset
 * @param key record key (may be null)
 * @param value record value (may be null: a tombstone)
 */
public record RawRecord(String topic, int partition, long offset, byte[] key, byte[] value) {}
