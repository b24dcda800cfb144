package io.trigmon.cli;

import io.trigmon.event.StreamKey;
import io.trigmon.io.EventStamping;
import io.trigmon.stream.replay.Pacer;
import io.trigmon.stream.replay.ReplayProgress;
import io.trigmon.stream.replay.ReplaySource;
import io.trigmon.stream.replay.ReplaySummary;
import io.trigmon.stream.replay.Replayer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trigmon replay}: produce a recorded stream to {@code events.raw}, keeping event time. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Produce recorded events to Kafka (events.raw) keeping event time: each record's timestamp is"
          + " its event time and sends are spaced by event time divided by --speed, so a replay at"
          + " 100x gives the same event-time windows as the original stream.",
      "Reads topic dumps written by 'trigmon record' (.tmdump; records that are not events are"
          + " replayed unchanged and end on events.dlq), challenge-layout HDF5 files of whole events"
          + " (Particles (N,19,4)) and NPLM feature files (.csv, dimuon .h5; each row becomes a"
          + " two-muon event). Files without event times are stamped from now on at 1 kHz.",
      "A progress bar (events, rate, ETA) is drawn on a terminal; otherwise one summary line is"
          + " printed at the end."
    },
    footer = {
      "",
      "Examples:",
      "  ./trigmon replay --file run370293.tmdump --speed 100",
      "  ./trigmon replay --file /tmp/dy.csv --max-rate 20000 --stream dimuon",
      "  ./trigmon replay --file run370293.tmdump --max-rate 50000 --stream dimuon --loop",
      "  ./trigmon replay --file dump.tmdump --bootstrap broker:9093 --kafka-config scram.properties"
    })
public final class ReplayCommand implements Callable<Integer> {

  @Option(
      names = "--file",
      required = true,
      paramLabel = "FILE",
      description = "Recorded stream: topic dump (.tmdump), .h5/.hdf5 or .csv.")
  Path file;

  @Mixin KafkaClientOptions kafka;

  @Option(
      names = "--topic",
      paramLabel = "TOPIC",
      defaultValue = "events.raw",
      description = "Topic to produce to (default: ${DEFAULT-VALUE}).")
  String topic;

  @Option(
      names = "--speed",
      paramLabel = "X",
      description =
          "Event-time speed factor: 1 = real time, 100 = a hundred times faster"
              + " (default: 1 unless --max-rate is given).")
  Double speed;

  @Option(
      names = "--max-rate",
      paramLabel = "N",
      description = "At most N records per second; without --speed, event-time spacing is ignored.")
  Double maxRate;

  @Option(
      names = "--stream",
      paramLabel = "KEY",
      description = "Stream key given to every replayed event (default: the recorded one).")
  String stream;

  @Option(
      names = "--loop",
      description =
          "Replay the file again and again (event time shifted by the file's span each pass)"
              + " until Ctrl-C.")
  boolean loop;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    ReplaySource source = source();
    Pacer pacer = pacer();
    if (stream != null && !StreamKey.isValid(stream)) {
      throw new UserException(
          "--stream '"
              + stream
              + "' is not 1-"
              + StreamKey.MAX_LENGTH
              + " characters of [A-Za-z0-9_.:-]");
    }
    Map<String, Object> p = kafka.clientProperties();
    p.put("key.serializer", ByteArraySerializer.class);
    p.put("value.serializer", ByteArraySerializer.class);
    p.put("linger.ms", 5);
    p.put("compression.type", "lz4");
    p.put("acks", "all");
    PrintWriter out = spec.commandLine().getOut();
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
      ReplaySummary summary =
          new Replayer(
                  producer,
                  topic,
                  pacer,
                  Optional.ofNullable(stream),
                  ReplayProgress.forOutput(out, System.console() != null))
              .replay(source, loop ? Integer.MAX_VALUE : 1);
      return summary.records() > 0 ? 0 : 1;
    }
  }

  private ReplaySource source() throws IOException {
    EventStamping stamps =
        EventStamping.DEFAULT
            .startingAt(Instant.now())
            .forStream(EventStamping.DEFAULT.run(), stream != null ? stream : "recorded");
    return RecordedFile.source(file, stamps);
  }

  private Pacer pacer() {
    if (speed != null && !(speed > 0 && Double.isFinite(speed))) {
      throw new UserException("--speed must be a positive number, got " + speed);
    }
    if (maxRate != null && !(maxRate > 0 && Double.isFinite(maxRate))) {
      throw new UserException("--max-rate must be a positive number, got " + maxRate);
    }
    double s = speed != null ? speed : (maxRate != null ? 0 : 1);
    return new Pacer(s, maxRate != null ? maxRate : 0, Pacer.Clock.SYSTEM);
  }
}
