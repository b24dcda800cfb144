package io.trigmon.nplm;

import io.trigmon.store.ModelFileException;
import io.trigmon.store.Sha256;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A reference sample's feature rows with its identity: the SHA-256 of its canonical binary form
 * (little-endian int32 rows, int32 columns, then float64 values row by row). Models and
 * calibrations name the reference by this hash, so the same events read from CSV or HDF5 match, and
 * any change to them does not.
 *
 * @param features N_R × d feature rows
 * @param sha256 hash of the canonical binary form
 */
public record ReferenceSample(double[][] features, String sha256) {

  /** The sample and its hash. */
  public static ReferenceSample of(double[][] features) {
    return new ReferenceSample(features, Sha256.of(encode(features)));
  }

  public int size() {
    return features.length;
  }

  /** Writes the canonical binary form. */
  public void write(Path file) {
    try {
      Files.write(file, encode(features));
    } catch (IOException e) {
      throw new ModelFileException("cannot write reference sample " + file, e);
    }
  }

  /** Reads a sample written by {@link #write(Path)}. */
  public static ReferenceSample read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ModelFileException("cannot read reference sample " + file, e);
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int n = buffer.getInt();
    int d = buffer.getInt();
    if (n < 0 || d < 0 || bytes.length != 8 + 8L * n * d) {
      throw new ModelFileException(
          file + " is not a reference sample (size does not match header)");
    }
    double[][] rows = new double[n][d];
    for (double[] row : rows) {
      for (int j = 0; j < d; j++) {
        row[j] = buffer.getDouble();
      }
    }
    return new ReferenceSample(rows, Sha256.of(bytes));
  }

  static byte[] encode(double[][] rows) {
    int d = rows.length == 0 ? 0 : rows[0].length;
    ByteBuffer buffer =
        ByteBuffer.allocate(Math.toIntExact(8 + 8L * rows.length * d))
            .order(ByteOrder.LITTLE_ENDIAN);
    buffer.putInt(rows.length).putInt(d);
    for (double[] row : rows) {
      if (row.length != d) {
        throw new IllegalArgumentException("rows of different lengths in a reference sample");
      }
      for (double x : row) {
        buffer.putDouble(x);
      }
    }
    return buffer.array();
  }
}
