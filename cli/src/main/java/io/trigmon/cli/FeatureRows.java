package io.trigmon.cli;

import io.trigmon.event.DileptonFeatures;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the five NPLM features from a CSV file: a header naming pt1, pt2, eta1, eta2, dphi (in any
 * order, other columns ignored) or no header and exactly those five columns. A stand-in until the
 * recorded-file readers of {@code io.trigmon.io} are merged.
 */
final class FeatureRows {

  private FeatureRows() {}

  static double[][] read(Path file) {
    List<double[]> rows = new ArrayList<>();
    int[] columns = {0, 1, 2, 3, 4};
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int lineNumber = 0;
      while ((line = in.readLine()) != null) {
        lineNumber++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split(",");
        if (lineNumber == 1 && !looksNumeric(parts[0])) {
          columns = header(file, parts);
          continue;
        }
        double[] row = new double[DileptonFeatures.DIMENSION];
        for (int j = 0; j < row.length; j++) {
          try {
            row[j] = Double.parseDouble(parts[columns[j]].trim());
          } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new UserException(
                file + " line " + lineNumber + ": expected five numeric features, got: " + line);
          }
        }
        rows.add(row);
      }
    } catch (NoSuchFileException e) {
      throw new UserException("no such file: " + file);
    } catch (IOException e) {
      throw new UserException("cannot read " + file + ": " + e.getMessage());
    }
    if (rows.isEmpty()) {
      throw new UserException(file + " holds no events");
    }
    return rows.toArray(new double[0][]);
  }

  private static int[] header(Path file, String[] names) {
    int[] columns = new int[DileptonFeatures.DIMENSION];
    for (int j = 0; j < columns.length; j++) {
      String wanted = DileptonFeatures.NAMES.get(j);
      columns[j] = -1;
      for (int i = 0; i < names.length; i++) {
        if (names[i].trim().equalsIgnoreCase(wanted)) {
          columns[j] = i;
        }
      }
      if (columns[j] < 0) {
        throw new UserException(
            file + " has no column '" + wanted + "' (header needs " + DileptonFeatures.NAMES + ")");
      }
    }
    return columns;
  }

  private static boolean looksNumeric(String token) {
    try {
      Double.parseDouble(token.trim());
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
