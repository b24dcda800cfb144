package io.trigmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchCommandTest {

  @Test
  void benchWithoutSubcommandListsJmh() {
    CommandLine cmd = Trigmon.commandLine();
    StringWriter out = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    assertThat(cmd.execute("bench")).isZero();
    assertThat(out.toString()).contains("jmh").contains("scale-out");
  }

  @Test
  void scaleOutRejectsABadParallelismBeforeStartingAnything() {
    CliRun outcome = CliRun.of("bench", "scale-out", "--parallelism", "1,0");
    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err()).contains("--parallelism");
  }

  @Test
  void scaleOutReportHasOneRowPerParallelismWithItsSpeedUp() {
    String md =
        ScaleOutReport.markdown(
            "config",
            List.of(
                new ScaleOutRun(1, 100_000, 40, 10_000, 1_000, 8_000, 2048),
                new ScaleOutRun(2, 100_000, 40, 5_000, 1_000, 4_000, 4096)));
    assertThat(md)
        .contains("| 1 | 100000 | 40 | 10.0 | 10,000 | 4.00 | 1.00× | 1.0 | 8.0 | 2 KiB |")
        .contains("| 2 | 100000 | 40 | 5.0 | 20,000 | 8.00 | 2.00× | 1.0 | 4.0 | 4 KiB |")
        .contains("## On a production Flink cluster");
  }

  @Test
  void jmhOutsideACheckoutIsAUserError(@TempDir Path empty) {
    String before = System.getProperty("trigmon.home");
    System.setProperty("trigmon.home", empty.toString());
    try {
      CommandLine cmd = Trigmon.commandLine();
      StringWriter err = new StringWriter();
      cmd.setErr(new PrintWriter(err, true));
      assertThat(cmd.execute("bench", "jmh", "--quick")).isEqualTo(2);
      assertThat(err.toString()).contains("benchmarks/run.sh");
    } finally {
      if (before == null) {
        System.clearProperty("trigmon.home");
      } else {
        System.setProperty("trigmon.home", before);
      }
    }
  }

  @Test
  void pipelineRejectsAnEventCountSmallerThanOneWindowPerStream() {
    CliRun run =
        CliRun.of(
            "bench", "pipeline", "--events", "1000", "--streams", "2", "--window-events", "1000");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--events must fill at least one window of every stream");
  }

  @Test
  void pipelineRejectsADileptonFractionOutsideTheUnitInterval() {
    CliRun run = CliRun.of("bench", "pipeline", "--quick", "--dilepton-fraction", "0");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--dilepton-fraction must be in (0, 1]");
  }

  @Test
  void pipelineHelpShowsExamples() {
    CliRun run = CliRun.of("bench", "pipeline", "--help");
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("Examples:", "./trigmon bench pipeline --quick");
  }
}
