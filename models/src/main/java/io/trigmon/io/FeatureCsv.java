package io.trigmon.io;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * 5D dilepton features as CSV: a header line naming the columns, then one row per event. Reading
 * finds the columns {@code pt1, pt2, eta1, eta2, dphi} by name (any order, case-insensitive),
 * ignores other columns (e.g. {@code mll}), blank lines and comment lines starting with {@code #};
 * writing puts exactly those five columns, in that order. Values are plain decimal numbers and must
 * be finite.
 */
public final class FeatureCsv {

  /** The header line written, and the columns required on reading. */
  public static final String HEADER = String.join(",", FeatureTable.COLUMNS);

  private FeatureCsv() {}

  public static FeatureTable read(Path file) {
    FileFormat.requireExists(file);
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(reader, file);
    } catch (IOException e) {
      throw new RecordedFileException(file, "cannot read: " + e.getMessage(), e);
    }
  }

  public static void write(Path file, FeatureTable table) {
    try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      writer.write(HEADER);
      writer.newLine();
      StringBuilder line = new StringBuilder(96);
      for (int i = 0; i < table.rows(); i++) {
        line.setLength(0);
        for (int j = 0; j < FeatureTable.COLUMNS.size(); j++) {
          if (j > 0) {
            line.append(',');
          }
          line.append(table.get(i, j));
        }
        writer.append(line).append('\n');
      }
    } catch (IOException e) {
      throw new RecordedFileException(file, "cannot write: " + e.getMessage(), e);
    }
  }

  private static FeatureTable read(BufferedReader reader, Path file) throws IOException {
    FeatureTable.Builder builder = FeatureTable.builder();
    int[] columnOf = null;
    int width = 0;
    double[] row = new double[FeatureTable.COLUMNS.size()];
    String line;
    int number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String[] fields = trimmed.split(",", -1);
      if (columnOf == null) {
        columnOf = header(fields, file, number);
        width = fields.length;
        continue;
      }
      if (fields.length != width) {
        throw lineError(
            file,
            number,
            "expected "
                + width
                + " values (the header has "
                + width
                + " columns), found "
                + fields.length);
      }
      for (int j = 0; j < row.length; j++) {
        row[j] = value(fields[columnOf[j]], FeatureTable.COLUMNS.get(j), file, number);
      }
      builder.add(row[0], row[1], row[2], row[3], row[4]);
    }
    if (columnOf == null) {
      throw new RecordedFileException(
          file, "empty file; expected a header line '" + HEADER + "' and one row per event");
    }
    return builder.build();
  }

  /** Column index in the file of each required feature. */
  private static int[] header(String[] fields, Path file, int number) {
    List<String> names = new ArrayList<>(fields.length);
    for (String field : fields) {
      names.add(unquote(field.strip()).toLowerCase(Locale.ROOT));
    }
    int[] columnOf = new int[FeatureTable.COLUMNS.size()];
    List<String> missing = new ArrayList<>();
    for (int j = 0; j < columnOf.length; j++) {
      columnOf[j] = names.indexOf(FeatureTable.COLUMNS.get(j));
      if (columnOf[j] < 0) {
        missing.add(FeatureTable.COLUMNS.get(j));
      }
    }
    if (!missing.isEmpty()) {
      throw lineError(
          file,
          number,
          "header "
              + names
              + " lacks the column(s) "
              + missing
              + "; the first line that is not a comment must name the columns "
              + HEADER
              + " (in any order; other columns are ignored)");
    }
    return columnOf;
  }

  private static double value(String field, String column, Path file, int number) {
    String text = field.strip();
    double value;
    try {
      value = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw lineError(file, number, "column '" + column + "': '" + text + "' is not a number");
    }
    if (!Double.isFinite(value)) {
      throw lineError(
          file, number, "column '" + column + "': '" + text + "' is not a finite number");
    }
    return value;
  }

  private static String unquote(String name) {
    if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
      return name.substring(1, name.length() - 1);
    }
    return name;
  }

  private static RecordedFileException lineError(Path file, int line, String problem) {
    return new RecordedFileException(file, line, problem);
  }
}
