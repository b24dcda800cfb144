package io.trigmon.stream.replay;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Writes the records of a topic, from the beginning to its end when the recording starts, to a
 * {@link TopicDump}. Partitions are written as they are polled (each in offset order); a replay
 * sends records whose event time went backwards at once, so the interleaving does not matter for
 * event-time windows.
 */
public final class Recorder {

  private final Consumer<byte[], byte[]> consumer;

  /** A consumer with byte-array deserialisers; no group is needed (partitions are assigned). */
  public Recorder(Consumer<byte[], byte[]> consumer) {
    this.consumer = consumer;
  }

  /**
   * Records the topic to a file.
   *
   * @param maxRecords stop after this many, or ≤ 0 for all
   * @param timeout give up when no record arrived for this long before the end was reached
   * @return the number of records written
   */
  public long record(String topic, Path out, long maxRecords, Duration timeout) throws IOException {
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .collect(Collectors.toList());
    if (partitions.isEmpty()) {
      throw new IOException("topic " + topic + " does not exist");
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
    long limit = maxRecords > 0 ? maxRecords : Long.MAX_VALUE;
    try (TopicDump.Writer writer = new TopicDump.Writer(out, topic, System.currentTimeMillis())) {
      long lastProgress = System.nanoTime();
      while (writer.records() < limit && !reachedEnd(end)) {
        var batch = consumer.poll(Duration.ofMillis(200));
        if (!batch.isEmpty()) {
          lastProgress = System.nanoTime();
        } else if (System.nanoTime() - lastProgress > timeout.toNanos()) {
          throw new IOException(
              "no record from " + topic + " for " + timeout.toSeconds() + " s before its end");
        }
        for (ConsumerRecord<byte[], byte[]> r : batch) {
          if (writer.records() >= limit || r.offset() >= end.get(tp(r))) {
            continue;
          }
          writer.write(
              new DumpRecord(r.partition(), r.offset(), r.timestamp(), r.key(), r.value()));
        }
      }
      return writer.records();
    }
  }

  private boolean reachedEnd(Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  private static TopicPartition tp(ConsumerRecord<?, ?> r) {
    return new TopicPartition(r.topic(), r.partition());
  }
}
