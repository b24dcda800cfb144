package io.trigmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trigmon bench pipeline} at a tiny size, end to end (broker, three readers, live run with
 * the overload stage): the report has its sections and sane, non-zero figures. No timing threshold:
 * only that the run measured something and lost nothing.
 */
class BenchPipelineIT {

  @Test
  void tinyRunWritesACompleteReport(@TempDir Path out) throws Exception {
    CliRun run =
        CliRun.of(
            "bench",
            "pipeline",
            "--events",
            "8000",
            "--streams",
            "2",
            "--window-events",
            "1000",
            "--dilepton-fraction",
            "0.5",
            "--reference",
            "1000",
            "--toys",
            "0",
            "--live-seconds",
            "6",
            "--backpressure",
            "--backpressure-seconds",
            "3",
            "--profile",
            "--latency-checkpoint-interval",
            "PT0.5S",
            "--out",
            out.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(out.resolve(PipelineReport.PLOT)).isNotEmptyFile();
    String md = Files.readString(out.resolve(PipelineReport.MARKDOWN));
    assertThat(md)
        .contains("## Machine", "## Goals (issue 8)", "## Throughput", "## Window-result latency")
        .contains("## Backpressure", "## Profile of the monitor phase (c)")
        .contains("./trigmon bench pipeline --events 8000")
        .contains("(c) reported 8 windows counting 8,000 events (expected 8,000)")
        .contains("| nothing lost | yes |")
        .contains("checkpoints every 1 s (the live monitor: every 500 ms)")
        .contains("up to one checkpoint interval, 500 ms");
    for (String reader : List.of("(a) Kafka consumer", "(b) Flink", "(c) Flink")) {
      double[] row = numbers(md, reader);
      assertThat(row[0]).as("%s events", reader).isEqualTo(8000);
      assertThat(row[2]).as("%s events/s", reader).isPositive().isFinite();
      assertThat(row[4]).as("%s CPU µs per event", reader).isPositive().isFinite();
    }
    double[] latency = numbers(md, "| ½ × sustainable");
    assertThat(latency[0]).as("latency windows").isPositive();
    assertThat(latency[1]).as("p50 s").isPositive().isFinite();
  }

  /** The numbers of the table row starting with {@code label} (thousands separators dropped). */
  private static double[] numbers(String md, String label) {
    String line =
        md.lines().filter(l -> l.contains(label) && l.startsWith("|")).findFirst().orElseThrow();
    String[] cells = line.split("\\|");
    return Arrays.stream(cells)
        .skip(2)
        .map(c -> c.strip().replace(",", "").replace(" ×", ""))
        .filter(c -> c.matches("-?[0-9.]+(E-?[0-9]+)?|NaN"))
        .mapToDouble(c -> Double.parseDouble(c.toLowerCase(Locale.ROOT).equals("nan") ? "NaN" : c))
        .toArray();
  }
}
