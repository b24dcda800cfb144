package io.trigmon.cli;

import io.trigmon.stream.replay.Recorder;
import io.trigmon.stream.replay.TopicDump;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trigmon record}: write a topic to a dump file that {@code trigmon replay} reads. */
@Command(
    name = "record",
    mixinStandardHelpOptions = true,
    description = {
      "Write the records of a Kafka topic, from its beginning to its end at the time of the call,"
          + " to a topic dump file: keys, values and record timestamps, in a simple length-prefixed"
          + " format (see TopicDump). 'trigmon replay --file' reads it back."
    },
    footer = {
      "",
      "Examples:",
      "  ./trigmon record --topic events.valid --out run370293.tmdump",
      "  ./trigmon record --topic events.raw --out first-1000.tmdump --max-records 1000",
      "  ./trigmon record --topic events.dlq --out rejects.tmdump --bootstrap broker:9093"
    })
public final class RecordCommand implements Callable<Integer> {

  @Option(
      names = "--topic",
      required = true,
      paramLabel = "TOPIC",
      description = "Topic to record.")
  String topic;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "Dump file to write (conventionally .tmdump); overwritten.")
  Path out;

  @Option(
      names = "--max-records",
      paramLabel = "N",
      defaultValue = "0",
      description = "Stop after N records; 0 for the whole topic (default: ${DEFAULT-VALUE}).")
  long maxRecords;

  @Mixin KafkaClientOptions kafka;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new UserException("--out " + out + ": directory " + parent + " does not exist");
    }
    if (maxRecords < 0) {
      throw new UserException("--max-records must be 0 or more, got " + maxRecords);
    }
    Map<String, Object> p = kafka.clientProperties();
    p.put("key.deserializer", ByteArrayDeserializer.class);
    p.put("value.deserializer", ByteArrayDeserializer.class);
    p.put("isolation.level", "read_committed");
    p.put("enable.auto.commit", false);
    p.put("max.poll.records", 5000);
    long start = System.nanoTime();
    long n;
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
      n = new Recorder(consumer).record(topic, out, maxRecords, Duration.ofSeconds(60));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    spec.commandLine()
        .getOut()
        .printf(
            Locale.ROOT,
            "Recorded %,d records of %s to %s (topic dump v%d) in %.1f s%n",
            n,
            topic,
            out,
            TopicDump.VERSION,
            seconds);
    return 0;
  }
}
