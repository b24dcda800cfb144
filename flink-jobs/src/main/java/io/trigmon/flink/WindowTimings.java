package io.trigmon.flink;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Processing-time milestones of each window result, so that a benchmark can take the window-result
 * latency apart (issue 8): when the NPLM test started, how long it took, when the result went to
 * the results sink, when the next checkpoint barrier reached the test's task (the result belongs to
 * that checkpoint's Kafka transaction) and when that checkpoint completed (the transaction is then
 * committed and the result becomes visible to read-committed consumers).
 *
 * <p>Kept only while a listener is installed in this JVM — a local MiniCluster, where the pipeline
 * benchmark runs the job; on a cluster nothing listens and nothing is kept.
 */
public final class WindowTimings {

  /**
   * The milestones of one window result, epoch milliseconds unless said otherwise.
   *
   * @param stream trigger stream key
   * @param windowStartMillis window start
   * @param windowEndMillis window end (exclusive)
   * @param testStartMillis the NPLM test of the window started (the window had fired)
   * @param testNanos wall time of the test, ns
   * @param emittedMillis the result was handed to the results sink
   * @param barrierMillis the next checkpoint barrier reached the task
   * @param checkpointedMillis that checkpoint (or a later one) completed
   */
  public record Timing(
      String stream,
      long windowStartMillis,
      long windowEndMillis,
      long testStartMillis,
      long testNanos,
      long emittedMillis,
      long barrierMillis,
      long checkpointedMillis) {}

  private static volatile Consumer<Timing> listener;

  private WindowTimings() {}

  /** Sends every window's milestones, once its checkpoint completed, to {@code to}. */
  public static void listen(Consumer<Timing> to) {
    listener = to;
  }

  /** Stops listening; nothing is kept afterwards. */
  public static void stop() {
    listener = null;
  }

  static boolean listening() {
    return listener != null;
  }

  /** The results one task emitted whose checkpoint has not completed yet. */
  public static final class Pending {

    /** A result waiting for its checkpoint, {@code checkpoint} 0 until a barrier came. */
    private static final class Waiting {
      private final Timing emitted;
      private long checkpoint;
      private long barrierMillis;

      Waiting(Timing emitted) {
        this.emitted = emitted;
      }
    }

    private final List<Waiting> waiting = new ArrayList<>();

    /** A result went to the sink. */
    public void emitted(
        String stream, long start, long end, long testStartMillis, long testNanos, long now) {
      if (listening()) {
        waiting.add(
            new Waiting(new Timing(stream, start, end, testStartMillis, testNanos, now, 0, 0)));
      }
    }

    /** Checkpoint {@code id}'s barrier reached the task: the waiting results belong to it. */
    public void barrier(long id, long now) {
      for (Waiting w : waiting) {
        if (w.checkpoint == 0) {
          w.checkpoint = id;
          w.barrierMillis = now;
        }
      }
    }

    /** Checkpoint {@code id} completed: its results and those of earlier ones are committed. */
    public void completed(long id, long now) {
      Consumer<Timing> to = listener;
      Iterator<Waiting> it = waiting.iterator();
      while (it.hasNext()) {
        Waiting w = it.next();
        if (w.checkpoint != 0 && w.checkpoint <= id) {
          Timing t = w.emitted;
          if (to != null) {
            to.accept(
                new Timing(
                    t.stream(),
                    t.windowStartMillis(),
                    t.windowEndMillis(),
                    t.testStartMillis(),
                    t.testNanos(),
                    t.emittedMillis(),
                    w.barrierMillis,
                    now));
          }
          it.remove();
        }
      }
    }
  }
}
