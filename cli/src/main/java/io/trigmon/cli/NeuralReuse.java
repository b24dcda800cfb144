package io.trigmon.cli;

import io.trigmon.simulation.Process;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Neural NPLM results of an earlier power study, read back from its per-window CSV ({@code
 * power-*-toys.csv}) so that a longer run does not fit again the windows a shorter one already did:
 * a neural test costs about 50 s of CPU at the benchmark size, the kernel's 0.2 s. The kernel is
 * deterministic, so its t identifies a window: every reused window must carry the kernel t this run
 * computed for it, or the file belongs to another configuration and is refused.
 */
final class NeuralReuse {

  /** Kernel t in the file and now must agree to this (the CSV keeps 4 decimals). */
  static final double KERNEL_T_TOLERANCE = 1e-3;

  private NeuralReuse() {}

  /**
   * The neural t by window ("null/3", "zprime/0", ...) of every window of {@code csv} with one.
   *
   * @param kernelNull this run's kernel t of the null windows, in window order
   * @param kernelSignal this run's kernel t of each signal's windows
   * @throws UserException when the file is unreadable, not such a CSV, or from other windows
   */
  static Map<String, Double> read(
      Path csv, List<Double> kernelNull, Map<Process, List<Double>> kernelSignal) {
    List<String> lines;
    try {
      lines = Files.readAllLines(csv);
    } catch (IOException e) {
      throw new UserException("cannot read --power-nn-reuse " + csv + ": " + e.getMessage());
    }
    if (lines.isEmpty()
        || !lines.get(0).equals("sample,window,kernel_t,kernel_z,neural_t,neural_z")) {
      throw new UserException(
          csv
              + " is not a power study's per-window CSV with kernel and neural columns"
              + " (power-*-toys.csv of `validate nplm --only power`)");
    }
    Map<String, Double> reuse = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      if (f.length != 6 || f[4].isEmpty()) {
        continue; // a window the neural NPLM did not test
      }
      int window = Integer.parseInt(f[1]);
      List<Double> kernel =
          f[0].equals("null") ? kernelNull : signalWindows(f[0], kernelSignal, csv);
      if (window >= kernel.size()) {
        continue; // this run has fewer windows of that sample
      }
      double then = Double.parseDouble(f[2]);
      double now = kernel.get(window);
      if (Math.abs(then - now) > KERNEL_T_TOLERANCE) {
        throw new UserException(
            String.format(
                Locale.ROOT,
                "%s window %s/%d had kernel t = %.4f, this run computes %.4f: the file comes from"
                    + " other settings (seed, sizes, selection, M, toy counts); run with the flags"
                    + " of the run that wrote it",
                csv,
                f[0],
                window,
                then,
                now));
      }
      reuse.put(key(f[0], window), Double.parseDouble(f[4]));
    }
    return reuse;
  }

  /** The key of a window: its sample ("null" or a signal's CLI name) and its index. */
  static String key(String sample, int window) {
    return sample + "/" + window;
  }

  private static List<Double> signalWindows(
      String name, Map<Process, List<Double>> kernelSignal, Path csv) {
    try {
      List<Double> windows = kernelSignal.get(Process.fromCliName(name));
      if (windows != null) {
        return windows;
      }
    } catch (IllegalArgumentException e) {
      // reported below, as for a process this study does not inject
    }
    throw new UserException(csv + ": unknown sample '" + name + "'");
  }
}
