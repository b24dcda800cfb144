package io.trigmon.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trigmon.event.DileptonFeatures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureCsvTest {

  @TempDir Path dir;

  @Test
  void roundTripKeepsEveryValueAndWritesTheFiveColumnHeader() throws Exception {
    FeatureTable table =
        FeatureTable.of(
            List.of(
                new DileptonFeatures(120.5, 80.25, 0.3, -1.1, 2.9),
                new DileptonFeatures(1.0 / 3, 2e-7, -2.2, 2.3, -Math.PI)));
    Path file = dir.resolve("features.csv");

    FeatureCsv.write(file, table);

    assertThat(Files.readAllLines(file).get(0)).isEqualTo("pt1,pt2,eta1,eta2,dphi");
    assertThat(FeatureCsv.read(file).toRowMajor()).containsExactly(table.toRowMajor());
  }

  @Test
  void findsColumnsByNameSkippingCommentsBlankLinesAndExtraColumns() throws Exception {
    Path file =
        write(
            "features.csv",
            "# NPLM dimuon sample, seed 7",
            "",
            "mll, DPHI ,eta2,eta1,pt2,\"pt1\",weight",
            "150.0,2.5,-1.0,0.5,60,90,1.0",
            "# a comment between rows",
            "   ",
            "210.0,-0.5,0.0,-2.0,45.5,130.25,0.5");

    FeatureTable table = FeatureCsv.read(file);

    assertThat(table.rows()).isEqualTo(2);
    assertThat(table.row(0)).isEqualTo(new DileptonFeatures(90, 60, 0.5, -1.0, 2.5));
    assertThat(table.row(1)).isEqualTo(new DileptonFeatures(130.25, 45.5, -2.0, 0.0, -0.5));
  }

  @Test
  void aHeaderWithoutSomeFeatureNamesIt() throws Exception {
    Path file = write("missing.csv", "# comment", "pt1,pt2,eta1,phi", "1,2,3,4");

    assertThatThrownBy(() -> FeatureCsv.read(file))
        .isInstanceOf(RecordedFileException.class)
        .hasMessageStartingWith(file + ":2: ")
        .hasMessageContaining("lacks the column(s) [eta2, dphi]");
  }

  @Test
  void aRowWithTheWrongNumberOfValuesGivesItsLine() throws Exception {
    Path file = write("short.csv", "pt1,pt2,eta1,eta2,dphi", "1,2,3,4,5", "1,2,3,4");

    assertThatThrownBy(() -> FeatureCsv.read(file))
        .isInstanceOf(RecordedFileException.class)
        .hasMessageStartingWith(file + ":3: ")
        .hasMessageContaining("expected 5 values")
        .hasMessageContaining("found 4");
  }

  @Test
  void aValueThatIsNotANumberGivesItsLineAndColumn() throws Exception {
    Path file = write("text.csv", "pt1,pt2,eta1,eta2,dphi", "1,2,abc,4,5");

    assertThatThrownBy(() -> FeatureCsv.read(file))
        .isInstanceOf(RecordedFileException.class)
        .hasMessageStartingWith(file + ":2: ")
        .hasMessageContaining("column 'eta1': 'abc' is not a number");
  }

  @Test
  void nonFiniteValuesAreRefused() throws Exception {
    Path file = write("nan.csv", "pt1,pt2,eta1,eta2,dphi", "1,NaN,3,4,5");

    assertThatThrownBy(() -> FeatureCsv.read(file))
        .isInstanceOf(RecordedFileException.class)
        .hasMessageContaining(":2: column 'pt2': 'NaN' is not a finite number");
  }

  @Test
  void anEmptyFileSaysWhatIsExpected() throws Exception {
    Path file = write("empty.csv", "# only a comment");

    assertThatThrownBy(() -> FeatureCsv.read(file))
        .isInstanceOf(RecordedFileException.class)
        .hasMessageContaining("expected a header line 'pt1,pt2,eta1,eta2,dphi'");
  }

  @Test
  void aHeaderAloneIsAnEmptyTable() throws Exception {
    Path file = write("header.csv", "pt1,pt2,eta1,eta2,dphi");

    assertThat(FeatureCsv.read(file).rows()).isZero();
  }

  private Path write(String name, String... lines) throws Exception {
    Path file = dir.resolve(name);
    Files.write(file, List.of(lines));
    return file;
  }
}
