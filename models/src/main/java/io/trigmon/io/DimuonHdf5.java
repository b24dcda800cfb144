package io.trigmon.io;

import io.jhdf.WritableHdfFile;
import io.jhdf.exceptions.HdfException;
import java.nio.file.Path;
import java.util.List;

/**
 * 5D dilepton features in the HDF5 layout of the NPLM dimuon benchmark: one 1D dataset of length N
 * per variable, {@code pt1, pt2, eta1, eta2, delta_phi} and {@code mll}. The invariant mass is not
 * a model input: reading ignores it, writing computes it from the five features ({@link
 * io.trigmon.event.DileptonFeatures#m12()}). Values are written as float64; float32 files are read
 * too.
 */
public final class DimuonHdf5 {

  /** Dataset names in the order of {@link FeatureTable#COLUMNS}. */
  public static final List<String> DATASETS = List.of("pt1", "pt2", "eta1", "eta2", "delta_phi");

  /** The invariant-mass dataset, written for plots and ignored on reading. */
  public static final String MLL = "mll";

  private DimuonHdf5() {}

  public static FeatureTable read(Path file) {
    try (Hdf5Input in = Hdf5Input.open(file)) {
      double[][] columns = new double[DATASETS.size()][];
      for (int j = 0; j < columns.length; j++) {
        String name = DATASETS.get(j);
        in.require(
            name,
            "(the NPLM dimuon layout has one 1D array per feature: "
                + String.join(", ", DATASETS)
                + "; whole events are in a 'Particles' array of shape (N, 19, 4))");
        columns[j] = in.doubles(name, j == 0 ? -1 : columns[0].length);
      }
      int n = columns[0].length;
      double[] rowMajor = new double[n * columns.length];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < columns.length; j++) {
          rowMajor[i * columns.length + j] = columns[j][i];
        }
      }
      return FeatureTable.ofRowMajor(rowMajor);
    }
  }

  /**
   * Writes the five features and {@code mll}.
   *
   * @throws RecordedFileException for an empty table (an HDF5 dataset cannot be empty here)
   */
  public static void write(Path file, FeatureTable table) {
    FileFormat.isHdf5(file);
    if (table.rows() == 0) {
      throw new RecordedFileException(
          file, "no rows to write; an HDF5 file in the dimuon layout needs at least one");
    }
    try (WritableHdfFile out = Hdf5Output.create(file)) {
      for (int j = 0; j < DATASETS.size(); j++) {
        out.putDataset(DATASETS.get(j), table.column(j));
      }
      out.putDataset(MLL, table.m12());
    } catch (HdfException e) {
      throw new RecordedFileException(file, "cannot write HDF5 file: " + e.getMessage(), e);
    }
  }
}
