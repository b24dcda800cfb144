package io.trigmon.io;

import io.trigmon.event.DileptonFeatures;
import io.trigmon.event.Event;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * An N×5 table of NPLM inputs (pT1, pT2, η1, η2, Δφ12; {@link DileptonFeatures#NAMES}), stored
 * row-major in one {@code double[]}: the form in which reference samples and data windows are read
 * from files and handed to the NPLM test. Immutable; accessors that return arrays return copies.
 *
 * <p>{@link #read(Path)} and {@link #write(Path)} choose the layout by the file: CSV ({@link
 * FeatureCsv}), the dimuon HDF5 arrays ({@link DimuonHdf5}) or, for reading, a challenge-layout
 * HDF5 file of whole events, reduced to the leading-lepton pair of each event that has two leptons.
 */
public final class FeatureTable {

  /** Column names, in storage order. */
  public static final List<String> COLUMNS = DileptonFeatures.NAMES;

  private static final int WIDTH = DileptonFeatures.DIMENSION;

  private final double[] data;

  private FeatureTable(double[] data) {
    this.data = data;
  }

  /** A table from row-major values, {@code 5 × rows} of them (copied). */
  public static FeatureTable ofRowMajor(double[] rowMajor) {
    if (rowMajor.length % WIDTH != 0) {
      throw new IllegalArgumentException(
          "row-major features need a multiple of " + WIDTH + " values, got " + rowMajor.length);
    }
    return new FeatureTable(rowMajor.clone());
  }

  public static FeatureTable of(List<DileptonFeatures> rows) {
    Builder builder = new Builder(rows.size());
    rows.forEach(builder::add);
    return builder.build();
  }

  /** The leading-lepton features of the events that have two leptons; others are skipped. */
  public static FeatureTable ofEvents(Iterable<Event> events) {
    Builder builder = builder();
    for (Event event : events) {
      DileptonFeatures.of(event).ifPresent(builder::add);
    }
    return builder.build();
  }

  public static Builder builder() {
    return new Builder(1024);
  }

  /**
   * Reads a CSV file, a dimuon-layout HDF5 file or a challenge-layout HDF5 file (leading-lepton
   * pairs; events with fewer than two leptons are dropped).
   */
  public static FeatureTable read(Path file) {
    return switch (FileFormat.of(file)) {
      case CSV -> FeatureCsv.read(file);
      case DIMUON_HDF5 -> DimuonHdf5.read(file);
      case CHALLENGE_HDF5 -> ofEvents(ChallengeHdf5.read(file));
    };
  }

  /** Writes CSV for {@code .csv}, the dimuon HDF5 layout for {@code .h5}/{@code .hdf5}. */
  public void write(Path file) {
    write(file, FileFormat.forFeatures(file));
  }

  /** Writes in a 5D-feature layout (CSV or dimuon HDF5). */
  public void write(Path file, FileFormat format) {
    switch (format) {
      case CSV -> FeatureCsv.write(file, this);
      case DIMUON_HDF5 -> DimuonHdf5.write(file, this);
      case CHALLENGE_HDF5 ->
          throw new RecordedFileException(
              file,
              "the challenge layout holds whole events, not 5D features; write features as"
                  + " CSV or in the dimuon HDF5 layout");
    }
  }

  public int rows() {
    return data.length / WIDTH;
  }

  public double get(int row, int column) {
    return data[row * WIDTH + column];
  }

  /** The features of one row. */
  public DileptonFeatures row(int row) {
    int at = row * WIDTH;
    return new DileptonFeatures(data[at], data[at + 1], data[at + 2], data[at + 3], data[at + 4]);
  }

  /** One column, by index in {@link #COLUMNS}. */
  public double[] column(int column) {
    double[] out = new double[rows()];
    for (int i = 0; i < out.length; i++) {
      out[i] = data[i * WIDTH + column];
    }
    return out;
  }

  /** The invariant mass M12 of each row (for plots; never a model input). */
  public double[] m12() {
    double[] out = new double[rows()];
    for (int i = 0; i < out.length; i++) {
      int at = i * WIDTH;
      out[i] =
          DileptonFeatures.m12(data[at], data[at + 1], data[at + 2], data[at + 3], data[at + 4]);
    }
    return out;
  }

  /** All values, row-major (a copy). */
  public double[] toRowMajor() {
    return data.clone();
  }

  /** All values as rows (a copy). */
  public double[][] toMatrix() {
    double[][] out = new double[rows()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = Arrays.copyOfRange(data, i * WIDTH, (i + 1) * WIDTH);
    }
    return out;
  }

  @Override
  public String toString() {
    return "FeatureTable[" + rows() + " rows × " + COLUMNS + "]";
  }

  /** Collects rows without boxing; 40 bytes per row. */
  public static final class Builder {
    private double[] data;
    private int size;

    private Builder(int capacityRows) {
      data = new double[Math.max(1, capacityRows) * WIDTH];
    }

    public Builder add(DileptonFeatures features) {
      return add(features.pt1(), features.pt2(), features.eta1(), features.eta2(), features.dphi());
    }

    public Builder add(double pt1, double pt2, double eta1, double eta2, double dphi) {
      if (size + WIDTH > data.length) {
        data = Arrays.copyOf(data, Math.multiplyExact(data.length, 2));
      }
      data[size] = pt1;
      data[size + 1] = pt2;
      data[size + 2] = eta1;
      data[size + 3] = eta2;
      data[size + 4] = dphi;
      size += WIDTH;
      return this;
    }

    public int rows() {
      return size / WIDTH;
    }

    public FeatureTable build() {
      return new FeatureTable(Arrays.copyOf(data, size));
    }
  }
}
