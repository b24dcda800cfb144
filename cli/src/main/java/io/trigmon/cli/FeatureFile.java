package io.trigmon.cli;

import io.trigmon.io.FeatureTable;
import io.trigmon.io.RecordedFileException;
import java.nio.file.Path;

/** Reads a sample of the five NPLM features for the commands (CSV, dimuon or challenge HDF5). */
final class FeatureFile {

  private FeatureFile() {}

  /** N × 5 rows in {@link FeatureTable#COLUMNS} order; an unreadable file is a user error. */
  static double[][] read(Path file) {
    FeatureTable table;
    try {
      table = FeatureTable.read(file);
    } catch (RecordedFileException e) {
      throw new UserException(e.getMessage());
    }
    if (table.rows() == 0) {
      throw new UserException(file + " holds no events with two leptons");
    }
    return table.toMatrix();
  }
}
