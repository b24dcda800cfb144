package io.trigmon.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhReportTest {

  private static final String RESULT =
      """
      [
        {"benchmark": "io.trigmon.benchmarks.EventCodecBenchmark.baselineCopy", "mode": "avgt",
         "primaryMetric": {"score": 50.0, "scoreError": 2.0, "scoreUnit": "ns/op"}},
        {"benchmark": "io.trigmon.benchmarks.EventCodecBenchmark.decode", "mode": "avgt",
         "primaryMetric": {"score": 200.0, "scoreError": "NaN", "scoreUnit": "ns/op"}},
        {"benchmark": "io.trigmon.benchmarks.AutoencoderScoringBenchmark.djlBatched",
         "mode": "avgt", "params": {"batch": "64"},
         "primaryMetric": {"score": 30.0, "scoreError": 1.0, "scoreUnit": "ns/op"}},
        {"benchmark": "io.trigmon.benchmarks.AutoencoderScoringBenchmark.plainJava",
         "mode": "avgt", "params": {"batch": "64"},
         "primaryMetric": {"score": 10.0, "scoreError": 1.0, "scoreUnit": "ns/op"}},
        {"benchmark": "io.trigmon.benchmarks.KernelNplmWindowBenchmark.testWindow", "mode": "ss",
         "params": {"m": "100", "nD": "2000", "nR": "20000", "nuisance": "false"},
         "primaryMetric": {"score": 40.0, "scoreError": 1.0, "scoreUnit": "ms/op"}},
        {"benchmark": "io.trigmon.benchmarks.KernelNplmWindowBenchmark.testWindow", "mode": "ss",
         "params": {"m": "100", "nD": "20000", "nR": "20000", "nuisance": "false"},
         "primaryMetric": {"score": 120.0, "scoreError": 3.0, "scoreUnit": "ms/op"}}
      ]
      """;

  @Test
  void ratiosAreToTheBaselineOrReferenceMethodElseTheFirstRowOfTheClass(@TempDir Path dir)
      throws IOException {
    Path json = dir.resolve("r.json");
    Files.writeString(json, RESULT);
    List<JmhReport.Row> rows = JmhReport.read(json);
    String md = JmhReport.markdown(rows, "note");

    assertThat(md)
        .contains("| EventCodecBenchmark.decode |  | 200 | – | ns/op | 4.00 |")
        .contains(
            "| AutoencoderScoringBenchmark.djlBatched | batch=64 | 30.00 | 1.00 | ns/op | 3.00 |")
        .contains("| KernelNplmWindowBenchmark.testWindow | m=100, nD=20000, nR=20000,")
        .contains("| 120 | 3.00 | ms/op | 3.00 |");
  }

  @Test
  void writesTableAndNplmChart(@TempDir Path dir) throws IOException {
    Path json = dir.resolve("r.json");
    Files.writeString(json, RESULT);
    JmhReport.main(new String[] {json.toString(), dir.resolve("out").toString(), "note"});

    assertThat(dir.resolve("out/jmh.md")).content().contains("note");
    assertThat(Files.size(dir.resolve("out/nplm-window.png"))).isPositive();
  }
}
