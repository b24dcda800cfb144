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

  /** The profile: samples in total, then the hot spots by self and by trigmon frame. */
  record Summary(long samples, List<HotSpot> self, List<HotSpot> trigmon, Path file) {}

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
      }
      return new Summary(samples, top(self, samples, top), top(trigmon, samples, top), file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
