package io.trigmon.cli;

import io.trigmon.event.DileptonFeatures;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads a sample of the five NPLM features for the commands. Interim: CSV with a header naming
 * {@code pt1, pt2, eta1, eta2, dphi}; to be replaced by {@code io.trigmon.io.FeatureTable.read}
 * (CSV and HDF5) once that lands on main.
 */
final class FeatureFile {

  private FeatureFile() {}

  /** N × 5 rows in {@link DileptonFeatures#NAMES} order. */
  static double[][] read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new UserException("no such file: " + file);
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!name.endsWith(".csv")) {
      throw new UserException(
          file + ": only CSV feature files are read by this build (HDF5 comes with the io module)");
    }
    try (BufferedReader reader = Files.newBufferedReader(file)) {
      return readCsv(reader, file);
    } catch (IOException e) {
      throw new UserException("cannot read " + file + ": " + e.getMessage());
    }
  }

  private static double[][] readCsv(BufferedReader reader, Path file) throws IOException {
    List<double[]> rows = new ArrayList<>();
    int[] columnOf = null;
    String line;
    int lineNumber = 0;
    while ((line = reader.readLine()) != null) {
      lineNumber++;
      line = line.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split(",");
      if (columnOf == null) {
        columnOf = header(cells, file);
        continue;
      }
      double[] row = new double[DileptonFeatures.DIMENSION];
      for (int j = 0; j < row.length; j++) {
        try {
          row[j] = Double.parseDouble(cells[columnOf[j]].strip());
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
          throw new UserException(file + " line " + lineNumber + ": not a row of numbers: " + line);
        }
      }
      rows.add(row);
    }
    if (rows.isEmpty()) {
      throw new UserException(file + " holds no events");
    }
    return rows.toArray(double[][]::new);
  }

  private static int[] header(String[] cells, Path file) {
    List<String> names = Arrays.stream(cells).map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
    int[] columnOf = new int[DileptonFeatures.DIMENSION];
    for (int j = 0; j < columnOf.length; j++) {
      columnOf[j] = names.indexOf(DileptonFeatures.NAMES.get(j));
      if (columnOf[j] < 0) {
        throw new UserException(
            file
                + ": the header must name the columns "
                + DileptonFeatures.NAMES
                + ", got "
                + names);
      }
    }
    return columnOf;
  }
}
