package io.trigmon.stream.replay;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * What a replay reports while it runs: a progress bar redrawn in place on a terminal, nothing but
 * the final summary otherwise (logs and CI output stay clean).
 */
public interface ReplayProgress {

  /** Called after each record; implementations throttle themselves. */
  void update(long sent, long total, long elapsedNanos);

  /** Called once at the end. */
  void finish(ReplaySummary summary);

  /** A bar on a terminal, else a summary only ({@code System.console() == null}). */
  static ReplayProgress forOutput(PrintWriter out, boolean terminal) {
    return terminal ? new Bar(out) : new SummaryOnly(out);
  }

  /** The rate and ETA formatting shared by both. */
  static String line(long sent, long total, long elapsedNanos) {
    double seconds = elapsedNanos / 1e9;
    double rate = seconds > 0 ? sent / seconds : 0;
    StringBuilder s = new StringBuilder();
    if (total > 0) {
      int width = 30;
      int filled = (int) Math.min(width, width * sent / total);
      s.append('[').append("#".repeat(filled)).append(" ".repeat(width - filled)).append("] ");
      s.append(String.format(Locale.ROOT, "%3d%% ", Math.min(100, 100 * sent / total)));
    }
    s.append(String.format(Locale.ROOT, "%,d events  %,.0f ev/s", sent, rate));
    if (total > 0 && rate > 0 && sent <= total) {
      long eta = (long) ((total - sent) / rate);
      s.append(
          String.format(Locale.ROOT, "  ETA %d:%02d:%02d", eta / 3600, eta / 60 % 60, eta % 60));
    }
    return s.toString();
  }

  /** A progress bar redrawn at most 5 times a second. */
  final class Bar implements ReplayProgress {
    private final PrintWriter out;
    private long lastDraw = Long.MIN_VALUE;

    Bar(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void update(long sent, long total, long elapsedNanos) {
      if (lastDraw != Long.MIN_VALUE && elapsedNanos - lastDraw < 200_000_000L) {
        return;
      }
      lastDraw = elapsedNanos;
      out.print("\r" + line(sent, total, elapsedNanos) + "   ");
      out.flush();
    }

    @Override
    public void finish(ReplaySummary summary) {
      out.print("\r" + " ".repeat(100) + "\r");
      out.println(summary.describe());
      out.flush();
    }
  }

  /** Only the summary at the end. */
  final class SummaryOnly implements ReplayProgress {
    private final PrintWriter out;

    SummaryOnly(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void update(long sent, long total, long elapsedNanos) {}

    @Override
    public void finish(ReplaySummary summary) {
      out.println(summary.describe());
      out.flush();
    }
  }
}
