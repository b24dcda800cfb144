package io.trigmon.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.trigmon.event.DileptonFeatures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DimuonHdf5Test {

  @TempDir Path dir;

  private static final FeatureTable TABLE =
      FeatureTable.of(
          List.of(
              new DileptonFeatures(120.5, 80.25, 0.3, -1.1, 2.9),
              new DileptonFeatures(300.0, 45.0, -2.2, 2.3, -0.4),
              new DileptonFeatures(61.0, 60.5, 1.0, 1.0, 3.1)));

  @Test
  void roundTripKeepsEveryValue() {
    Path file = dir.resolve("dimuon.h5");

    DimuonHdf5.write(file, TABLE);
    FeatureTable read = DimuonHdf5.read(file);

    assertThat(read.toRowMajor()).containsExactly(TABLE.toRowMajor());
  }

  @Test
  void writesTheBenchmarkDatasetsWithTheMass() {
    Path file = dir.resolve("dimuon.h5");

    DimuonHdf5.write(file, TABLE);

    try (HdfFile hdf = new HdfFile(file)) {
      assertThat(hdf.getChildren().keySet())
          .containsExactlyInAnyOrder("delta_phi", "eta1", "eta2", "mll", "pt1", "pt2");
      double[] mll = (double[]) hdf.getDatasetByPath("mll").getData();
      assertThat(mll[0]).isCloseTo(TABLE.row(0).m12(), within(1e-12));
      assertThat((double[]) hdf.getDatasetByPath("delta_phi").getData())
          .containsExactly(2.9, -0.4, 3.1);
    }
  }

  @Test
  void readsFloat32ArraysAndIgnoresTheMass() {
    Path file = dir.resolve("float.h5");
    try (WritableHdfFile out = HdfFile.write(file)) {
      out.putDataset("pt1", new float[] {100.5f, 200f});
      out.putDataset("pt2", new float[] {50f, 20.25f});
      out.putDataset("eta1", new float[] {0.5f, -0.5f});
      out.putDataset("eta2", new float[] {1.5f, -1.5f});
      out.putDataset("delta_phi", new float[] {3f, -3f});
      out.putDataset("mll", new float[] {-1f, -1f}); // nonsense, not an input
    }

    FeatureTable read = DimuonHdf5.read(file);

    assertThat(read.rows()).isEqualTo(2);
    assertThat(read.row(1)).isEqualTo(new DileptonFeatures(200, 20.25, -0.5, -1.5, -3));
  }

  @Test
  void aMissingFeatureIsNamed() {
    Path file = dir.resolve("partial.h5");
    try (WritableHdfFile out = HdfFile.write(file)) {
      out.putDataset("pt1", new double[] {1});
      out.putDataset("pt2", new double[] {1});
    }

    assertThatThrownBy(() -> DimuonHdf5.read(file))
        .isInstanceOf(RecordedFileException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("expected dataset 'eta1'")
        .hasMessageContaining("[pt1, pt2]");
  }

  @Test
  void featuresOfDifferentLengthsAreReported() {
    Path file = dir.resolve("ragged.h5");
    try (WritableHdfFile out = HdfFile.write(file)) {
      out.putDataset("pt1", new double[] {1, 2});
      out.putDataset("pt2", new double[] {1, 2});
      out.putDataset("eta1", new double[] {1, 2});
      out.putDataset("eta2", new double[] {1});
      out.putDataset("delta_phi", new double[] {1, 2});
    }

    assertThatThrownBy(() -> DimuonHdf5.read(file))
        .isInstanceOf(RecordedFileException.class)
        .hasMessageContaining("expected dataset 'eta2' of shape (2,)")
        .hasMessageContaining("found shape (1,)");
  }

  @Test
  void aTwoDimensionalFeatureIsReported() {
    Path file = dir.resolve("matrix.h5");
    try (WritableHdfFile out = HdfFile.write(file)) {
      out.putDataset("pt1", new double[2][2]);
    }

    assertThatThrownBy(() -> DimuonHdf5.read(file))
        .isInstanceOf(RecordedFileException.class)
        .hasMessageContaining("expected dataset 'pt1' of shape (N,)")
        .hasMessageContaining("found shape (2, 2)");
  }
}
