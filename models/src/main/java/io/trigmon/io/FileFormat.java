package io.trigmon.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The recorded-file layouts trigmon reads and writes. The kind of a file is told by its extension
 * ({@code .csv}, {@code .h5}/{@code .hdf5}) and, for HDF5, by the datasets it holds. A dump of a
 * Kafka topic is a further layout still to come; it will be one more constant here.
 */
public enum FileFormat {
  /**
   * HDF5 with the challenge dataset {@code Particles} of shape (N, 19, 4): whole events. See {@link
   * ChallengeHdf5}.
   */
  CHALLENGE_HDF5(true),
  /**
   * HDF5 with one 1D array per NPLM feature (dimuon benchmark): 5D features. See {@link
   * DimuonHdf5}.
   */
  DIMUON_HDF5(false),
  /** CSV with a header naming the five NPLM features: 5D features. See {@link FeatureCsv}. */
  CSV(false);

  private final boolean holdsEvents;

  FileFormat(boolean holdsEvents) {
    this.holdsEvents = holdsEvents;
  }

  /** Whether a file of this layout holds whole events (otherwise only the five NPLM features). */
  public boolean holdsEvents() {
    return holdsEvents;
  }

  /**
   * The layout of an existing file: CSV by extension; for HDF5 the challenge layout when the file
   * has a {@code Particles} dataset, the dimuon layout otherwise.
   */
  public static FileFormat of(Path file) {
    requireExists(file);
    if (isHdf5(file)) {
      return ChallengeHdf5.hasParticles(file) ? CHALLENGE_HDF5 : DIMUON_HDF5;
    }
    return CSV;
  }

  /**
   * The layout to write events to a file with this name: CSV for {@code .csv}, the challenge layout
   * for {@code .h5}/{@code .hdf5} (choose {@link #DIMUON_HDF5} explicitly for 5D features in HDF5).
   */
  public static FileFormat forEvents(Path file) {
    return isHdf5(file) ? CHALLENGE_HDF5 : CSV;
  }

  /** The layout to write 5D features to a file with this name: CSV or the dimuon HDF5 layout. */
  public static FileFormat forFeatures(Path file) {
    return isHdf5(file) ? DIMUON_HDF5 : CSV;
  }

  /** Whether the name says HDF5; throws for names that are neither HDF5 nor CSV. */
  static boolean isHdf5(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".h5") || name.endsWith(".hdf5")) {
      return true;
    }
    if (name.endsWith(".csv")) {
      return false;
    }
    throw new RecordedFileException(
        file, "unknown file extension; use .h5 or .hdf5 for HDF5 files and .csv for CSV files");
  }

  static void requireExists(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new RecordedFileException(
          file,
          Files.exists(file)
              ? "not a regular file; give the path of a recorded .h5, .hdf5 or .csv file"
              : "no such file; check the path (relative paths start from "
                  + Path.of("").toAbsolutePath()
                  + ")");
    }
  }
}
