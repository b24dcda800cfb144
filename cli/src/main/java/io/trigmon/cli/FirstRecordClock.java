package io.trigmon.cli;

import io.trigmon.flink.records.RawRecord;
import io.trigmon.flink.records.RawRecordDeserializationSchema;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The job's own {@link RawRecordDeserializationSchema}, noting when the first record was read: a
 * benchmark's throughput is counted from there, not from the job's submission, so the start-up of
 * the MiniCluster and of the tasks (loading and preparing the models) is not charged to it. The
 * clock is a static of this JVM: it works in a local MiniCluster (tasks run in this JVM, classes
 * from this class loader), which is where the benchmark runs.
 */
final class FirstRecordClock implements KafkaRecordDeserializationSchema<RawRecord> {

  private static final AtomicLong FIRST_NANOS = new AtomicLong();
  private static final AtomicLong FIRST_CPU_NANOS = new AtomicLong();

  private final RawRecordDeserializationSchema delegate = new RawRecordDeserializationSchema();

  /** Forgets the previous job's first record. */
  static void reset() {
    FIRST_NANOS.set(0);
    FIRST_CPU_NANOS.set(0);
  }

  /** {@link System#nanoTime()} of the first record since {@link #reset()}, 0 if none. */
  static long firstNanos() {
    return FIRST_NANOS.get();
  }

  /** {@link #processCpuNanos()} at the first record since {@link #reset()}, 0 if none. */
  static long firstCpuNanos() {
    return FIRST_CPU_NANOS.get();
  }

  /**
   * CPU time of this JVM so far, all its threads (tasks, network, GC, JIT), in ns: where the
   * benchmark's jobs run, so its difference over a job is what the job cost, however many other
   * processes share the cores.
   */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawRecord> out)
      throws IOException {
    if (FIRST_NANOS.get() == 0 && FIRST_NANOS.compareAndSet(0, System.nanoTime())) {
      FIRST_CPU_NANOS.set(processCpuNanos());
    }
    delegate.deserialize(record, out);
  }

  @Override
  public TypeInformation<RawRecord> getProducedType() {
    return delegate.getProducedType();
  }
}
