package io.trigmon.io;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An HDF5 file open for reading with jHDF, whose accessors check names, shapes and types and turn
 * every problem into a {@link RecordedFileException} naming the file, the dataset and what was
 * expected.
 */
final class Hdf5Input implements AutoCloseable {

  private final Path file;
  private final HdfFile hdf;

  private Hdf5Input(Path file, HdfFile hdf) {
    this.file = file;
    this.hdf = hdf;
  }

  static Hdf5Input open(Path file) {
    FileFormat.requireExists(file);
    try {
      return new Hdf5Input(file, new HdfFile(file));
    } catch (HdfException e) {
      throw new RecordedFileException(
          file, "not a readable HDF5 file (" + e.getMessage() + "); check that it is HDF5", e);
    }
  }

  Path file() {
    return file;
  }

  boolean has(String name) {
    Node node = hdf.getChildren().get(name);
    return node instanceof Dataset;
  }

  /** A top-level dataset that must exist; {@code expected} describes it for the error message. */
  Dataset require(String name, String expected) {
    if (!has(name)) {
      throw new RecordedFileException(
          file,
          "expected dataset '"
              + name
              + "' "
              + expected
              + "; the file has "
              + hdf.getChildren().keySet());
    }
    return (Dataset) hdf.getChildren().get(name);
  }

  /** The shape of a dataset as numpy writes it: {@code (N, 19, 4)}, {@code (N,)}. */
  static String shape(Dataset dataset) {
    int[] dims = dataset.getDimensions();
    String inner =
        Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining(", "));
    return "(" + inner + (dims.length == 1 ? ",)" : ")");
  }

  /** A 1D numeric dataset of the given length as doubles, or empty when absent. */
  Optional<double[]> optionalDoubles(String name, int length) {
    return has(name) ? Optional.of(doubles(name, length)) : Optional.empty();
  }

  /** A 1D numeric dataset of the given length as longs (integers only), or empty when absent. */
  Optional<long[]> optionalLongs(String name, int length) {
    if (!has(name)) {
      return Optional.empty();
    }
    Dataset dataset = vector(name, length, "int64");
    Object data = dataset.getDataFlat();
    if (data instanceof long[] values) {
      return Optional.of(values);
    }
    if (data instanceof int[] values) {
      return Optional.of(Arrays.stream(values).asLongStream().toArray());
    }
    if (data instanceof short[] values) {
      long[] out = new long[values.length];
      for (int i = 0; i < values.length; i++) {
        out[i] = values[i];
      }
      return Optional.of(out);
    }
    throw new RecordedFileException(
        file,
        "dataset '"
            + name
            + "' holds "
            + dataset.getJavaType()
            + "; expected integers (int64 or int32)");
  }

  /** A 1D numeric dataset that must exist, as doubles; {@code length} -1 accepts any length. */
  double[] doubles(String name, int length) {
    Dataset dataset = vector(name, length, "float64 or float32");
    Object data = dataset.getDataFlat();
    if (data instanceof double[] values) {
      return values;
    }
    if (data instanceof float[] values) {
      double[] out = new double[values.length];
      for (int i = 0; i < values.length; i++) {
        out[i] = values[i];
      }
      return out;
    }
    if (data instanceof long[] values) {
      return Arrays.stream(values).asDoubleStream().toArray();
    }
    if (data instanceof int[] values) {
      return Arrays.stream(values).asDoubleStream().toArray();
    }
    throw new RecordedFileException(
        file,
        "dataset '"
            + name
            + "' holds "
            + dataset.getJavaType()
            + "; expected numbers (float64 or float32)");
  }

  private Dataset vector(String name, int length, String type) {
    String expected = "of shape (" + (length < 0 ? "N" : length) + ",), " + type;
    Dataset dataset = require(name, expected);
    int[] dims = dataset.getDimensions();
    if (dims.length != 1 || (length >= 0 && dims[0] != length)) {
      throw new RecordedFileException(
          file, "expected dataset '" + name + "' " + expected + "; found shape " + shape(dataset));
    }
    return dataset;
  }

  /** A string attribute of the root group, or empty when absent. */
  Optional<String> rootString(String name) {
    Attribute attribute = hdf.getAttribute(name);
    if (attribute == null) {
      return Optional.empty();
    }
    if (attribute.getData() instanceof String value) {
      return Optional.of(value);
    }
    throw new RecordedFileException(
        file, "attribute '" + name + "' is " + attribute.getJavaType() + "; expected a string");
  }

  /** A string-array attribute of the root group, or empty when absent. */
  Optional<String[]> rootStrings(String name) {
    Attribute attribute = hdf.getAttribute(name);
    if (attribute == null) {
      return Optional.empty();
    }
    if (attribute.getData() instanceof String[] values) {
      return Optional.of(values);
    }
    if (attribute.getData() instanceof String value) {
      return Optional.of(new String[] {value});
    }
    throw new RecordedFileException(
        file,
        "attribute '"
            + name
            + "' is "
            + attribute.getJavaType()
            + "; expected an array of strings");
  }

  @Override
  public void close() {
    hdf.close();
  }
}
