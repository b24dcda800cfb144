package io.trigmon.cli;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a {@code trigmon demo} run saw, printed at its end (window numbers 1-based in the text,
 * 0-based in the lists).
 *
 * @param windows windows in the scenario
 * @param reported windows reported on {@code monitor.results}
 * @param alarmed windows with Z ≥ the alarm threshold
 * @param injected windows with the injected Z′ excess
 * @param eventsSent valid events sent to {@code events.raw}
 * @param badRecordsSent bad records sent to {@code events.raw}
 * @param valid records in {@code events.valid}
 * @param deadLetters records in {@code events.dlq}
 * @param zOn the alarm threshold
 */
record DemoSummary(
    int windows,
    List<Integer> reported,
    List<Integer> alarmed,
    List<Integer> injected,
    long eventsSent,
    long badRecordsSent,
    long valid,
    long deadLetters,
    double zOn) {

  DemoSummary {
    reported = List.copyOf(reported);
    alarmed = List.copyOf(alarmed);
    injected = List.copyOf(injected);
  }

  /** Whether every window of the scenario was reported. */
  boolean complete() {
    return reported.size() == windows;
  }

  /** The printed summary, two lines. */
  String text() {
    return String.format(
        Locale.ROOT,
        "Summary: %d of %d windows reported; alarm (Z >= %.1f) in windows [%s], Z' injected in"
            + " [%s]%nEvents: %d in (%d events + %d bad records) -> events.valid %d, events.dlq %d",
        reported.size(),
        windows,
        zOn,
        numbers(alarmed),
        numbers(injected),
        eventsSent + badRecordsSent,
        eventsSent,
        badRecordsSent,
        valid,
        deadLetters);
  }

  private static String numbers(List<Integer> indices) {
    return indices.stream().map(i -> Integer.toString(i + 1)).collect(Collectors.joining(","));
  }
}
