package io.trigmon.stream.replay;

/**
 * One Kafka record of a topic dump.
 *
 * @param partition partition it was read from
 * @param offset its offset there
 * @param timestampMs its Kafka timestamp, ms since the epoch
 * @param key its key, or null
 * @param value its value, or null (a tombstone)
 */
public record DumpRecord(int partition, long offset, long timestampMs, byte[] key, byte[] value) {}
