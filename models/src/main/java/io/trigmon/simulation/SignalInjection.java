package io.trigmon.simulation;

import java.util.Objects;

/**
 * Signal events mixed into a background sample at random positions, either an exact number or a
 * fraction of the events. The total number of events asked for stays the same: injecting k signal
 * events into n events gives n − k background events and k signal events. The background collisions
 * are those of the same seed without injection (the first n − k of them), so a sample with and
 * without signal differ only by the signal.
 *
 * <p>Command-line form ({@link #parse(String)}): {@code zprime:30} (30 events) or {@code
 * eft:0.0025} (a fraction, recognised by its decimal point).
 *
 * @param process the signal process
 * @param count number of signal events, or −1 when a fraction is given
 * @param fraction fraction of the events that are signal, or NaN when a count is given
 */
public record SignalInjection(Process process, long count, double fraction) {

  public SignalInjection {
    Objects.requireNonNull(process, "process");
    if (!process.isSignal()) {
      throw new IllegalArgumentException(
          "process " + process + " is not a signal (signals: zprime, eft, four-lepton, large-met)");
    }
    boolean byCount = count >= 0 && Double.isNaN(fraction);
    boolean byFraction = count == -1 && fraction >= 0 && fraction <= 1;
    if (!byCount && !byFraction) {
      throw new IllegalArgumentException(
          "signal injection needs a count >= 0 or a fraction in [0, 1], got count="
              + count
              + ", fraction="
              + fraction);
    }
  }

  /** Exactly {@code count} signal events. */
  public static SignalInjection count(Process process, long count) {
    return new SignalInjection(process, count, Double.NaN);
  }

  /** A fraction of the events (rounded to the nearest count for a finite sample). */
  public static SignalInjection fraction(Process process, double fraction) {
    return new SignalInjection(process, -1, fraction);
  }

  /** Parses {@code PROCESS:COUNT} or {@code PROCESS:FRACTION} (a value with a decimal point). */
  public static SignalInjection parse(String text) {
    String[] parts = text.split(":", 2);
    if (parts.length != 2) {
      throw new IllegalArgumentException(
          "signal '" + text + "' is not PROCESS:COUNT or PROCESS:FRACTION, e.g. zprime:30");
    }
    Process process = Process.fromCliName(parts[0]);
    String value = parts[1].trim();
    try {
      if (value.contains(".") || value.contains("e") || value.contains("E")) {
        return fraction(process, Double.parseDouble(value));
      }
      return count(process, Long.parseLong(value));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "signal '" + text + "': '" + value + "' is neither a count nor a fraction", e);
    }
  }

  /** Whether an exact count was given. */
  public boolean byCount() {
    return count >= 0;
  }

  /** The number of signal events among {@code total} events. */
  public long signalEvents(long total) {
    long k = byCount() ? count : Math.round(fraction * total);
    if (k > total) {
      throw new IllegalArgumentException(
          "cannot inject " + k + " signal events into a sample of " + total + " events");
    }
    return k;
  }

  @Override
  public String toString() {
    return process.cliName() + ":" + (byCount() ? Long.toString(count) : Double.toString(fraction));
  }
}
