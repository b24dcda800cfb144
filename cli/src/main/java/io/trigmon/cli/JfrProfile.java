package io.trigmon.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A Java Flight Recorder method-sampling profile of this JVM (where the benchmark's MiniCluster
 * runs), summarised as hot spots: the methods on top of the sampled stacks ("self"), and the
 * deepest trigmon method of each stack ("in trigmon code", which charges JDK and library callees
 * such as {@code Math.exp} to the trigmon method that called them).
 */
final class JfrProfile {

  /** One method and the share of the samples it took. */
  record HotSpot(String method, long samples, double share) {}

  /**
   * The profile: samples in total, the hot spots by self and by trigmon frame, and the samples by
   * part of the pipeline ({@link #part}).
   */
  record Summary(
      long samples, List<HotSpot> self, List<HotSpot> trigmon, List<HotSpot> parts, Path file) {}

  /**
   * Parts of the pipeline that a stack is in when any of its frames is (first match in this order):
   * the work a task does on behalf of a whole window or checkpoint.
   */
  private static final List<Map.Entry<String, List<String>>> ENCLOSING_PARTS =
      List.of(
          Map.entry("NPLM test", List.of("io.trigmon.nplm.", "io.trigmon.calibration.")),
          Map.entry("autoencoder scoring", List.of("io.trigmon.autoencoder.", "io.trigmon.mlp.")),
          Map.entry(
              "checkpoints (state snapshot and write, transactions)",
              List.of(
                  "org.apache.flink.runtime.checkpoint.",
                  "org.apache.flink.runtime.state.filesystem.",
                  "org.apache.flink.runtime.state.heap.HeapSnapshot",
                  "org.apache.flink.runtime.state.heap.CopyOnWriteStateMapSnapshot",
                  "org.apache.flink.runtime.state.SnapshotStrategyRunner",
                  "org.apache.flink.connector.kafka.sink.KafkaCommitter",
                  "org.apache.flink.streaming.runtime.tasks.SubtaskCheckpointCoordinatorImpl")));

  /**
   * Parts of the pipeline a stack is in by its innermost frame that has one of their prefixes:
   * per-record work, where the outer frames are the same task loop for all of them.
   */
  private static final List<Map.Entry<String, List<String>>> INNERMOST_PARTS =
      List.of(
          Map.entry(
              "record serialisation and network",
              List.of(
                  "org.apache.flink.api.common.typeutils.",
                  "org.apache.flink.api.java.typeutils.runtime.",
                  "org.apache.flink.runtime.io.network.",
                  "org.apache.flink.runtime.plugable.",
                  "org.apache.flink.streaming.runtime.streamrecord.StreamElementSerializer",
                  "io.trigmon.flink.records.ScoredEventSerializer",
                  "io.trigmon.flink.records.WindowAccumulatorSerializer")),
          Map.entry(
              "decode and validate",
              List.of(
                  "io.trigmon.event.", "io.trigmon.flink.records.RawRecordDeserializationSchema")),
          Map.entry("metrics", List.of("io.trigmon.flink.MonitorMetrics", "io.micrometer.")),
          Map.entry(
              "window operator and state",
              List.of(
                  "org.apache.flink.streaming.runtime.operators.windowing.",
                  "org.apache.flink.runtime.state.",
                  "io.trigmon.flink.records.WindowAccumulator",
                  "io.trigmon.flink.functions.AccumulateWindow",
                  "io.trigmon.flink.functions.CollectWindow")),
          Map.entry("Kafka clients", List.of("org.apache.kafka.")));

  private static final String OTHER = "other (Flink task loop, operator chaining, JDK)";

  private final Recording recording;

  private JfrProfile(Recording recording) {
    this.recording = recording;
  }

  /** Starts sampling every 10 ms per running Java thread. */
  static JfrProfile start() {
    Recording recording = new Recording();
    recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
    recording.start();
    return new JfrProfile(recording);
  }

  /** Stops, writes the recording to {@code file} and summarises its {@code top} hot spots. */
  Summary stop(Path file, int top) {
    try {
      recording.stop();
      recording.dump(file);
      recording.close();
      Map<String, Long> self = new HashMap<>();
      Map<String, Long> trigmon = new HashMap<>();
      Map<String, Long> parts = new HashMap<>();
      long samples = 0;
      for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
        if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
          continue;
        }
        RecordedStackTrace stack = event.getStackTrace();
        if (stack == null || stack.getFrames().isEmpty()) {
          continue;
        }
        samples++;
        List<RecordedFrame> frames = stack.getFrames();
        self.merge(name(frames.get(0)), 1L, Long::sum);
        frames.stream()
            .filter(f -> f.getMethod().getType().getName().startsWith("io.trigmon."))
            .findFirst()
            .ifPresent(f -> trigmon.merge(name(f), 1L, Long::sum));
        parts.merge(partOf(frames), 1L, Long::sum);
      }
      return new Summary(
          samples,
          top(self, samples, top),
          top(trigmon, samples, top),
          top(parts, samples, ENCLOSING_PARTS.size() + INNERMOST_PARTS.size() + 1),
          file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The part of the pipeline a sampled stack is in. */
  private static String partOf(List<RecordedFrame> frames) {
    return part(frames.stream().map(f -> f.getMethod().getType().getName()).toList());
  }

  /**
   * The part of the pipeline of a stack given by its frames' class names, innermost first: an
   * enclosing part if any frame is in one, else the part of the innermost frame that has one.
   */
  static String part(List<String> classes) {
    for (Map.Entry<String, List<String>> part : ENCLOSING_PARTS) {
      for (String type : classes) {
        if (in(type, part.getValue())) {
          return part.getKey();
        }
      }
    }
    for (String type : classes) {
      for (Map.Entry<String, List<String>> part : INNERMOST_PARTS) {
        if (in(type, part.getValue())) {
          return part.getKey();
        }
      }
    }
    return OTHER;
  }

  private static boolean in(String type, List<String> prefixes) {
    return prefixes.stream().anyMatch(type::startsWith);
  }

  private static String name(RecordedFrame frame) {
    String type = frame.getMethod().getType().getName();
    return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
  }

  private static List<HotSpot> top(Map<String, Long> counts, long samples, int top) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .limit(top)
        .map(e -> new HotSpot(e.getKey(), e.getValue(), (double) e.getValue() / samples))
        .toList();
  }
}
