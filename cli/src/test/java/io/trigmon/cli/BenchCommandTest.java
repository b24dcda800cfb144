package io.trigmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
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
    assertThat(out.toString()).contains("jmh");
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
