package io.trigmon.stream.live;

import io.trigmon.stream.alert.WindowResult;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The newest window results of every stream, for the live page: at most {@code capacity} per
 * stream, ordered by window (start, then id) whatever order they arrive in. A result whose window
 * id is already held replaces the held one (the job re-publishing a window after a restart, or the
 * page's reader starting over), so a window is shown once. Thread-safe: the feed adds while the
 * HTTP server reads.
 */
public final class WindowHistory {

  private static final Comparator<WindowResult> BY_WINDOW =
      Comparator.comparingLong(WindowResult::windowStart).thenComparing(WindowResult::windowId);

  private final int capacity;
  private final Map<String, TreeSet<WindowResult>> byStream = new TreeMap<>();
  private final Map<String, Map<String, WindowResult>> byId = new HashMap<>();

  public WindowHistory(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    this.capacity = capacity;
  }

  /** Adds a result, replacing one with the same window id, dropping the oldest beyond capacity. */
  public synchronized void add(WindowResult result) {
    TreeSet<WindowResult> windows =
        byStream.computeIfAbsent(result.stream(), s -> new TreeSet<>(BY_WINDOW));
    Map<String, WindowResult> ids = byId.computeIfAbsent(result.stream(), s -> new HashMap<>());
    WindowResult previous = ids.put(result.windowId(), result);
    if (previous != null) {
      windows.remove(previous);
    }
    windows.add(result);
    while (windows.size() > capacity) {
      ids.remove(windows.pollFirst().windowId());
    }
  }

  /** The streams seen, in name order. */
  public synchronized List<String> streams() {
    return List.copyOf(byStream.keySet());
  }

  /** The held results of a stream, oldest window first; empty for an unknown stream. */
  public synchronized List<WindowResult> windows(String stream) {
    TreeSet<WindowResult> windows = byStream.get(stream);
    return windows == null ? List.of() : List.copyOf(windows);
  }

  public int capacity() {
    return capacity;
  }
}
