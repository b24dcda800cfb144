package io.trigmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Arguments of {@code trigmon monitor} that fail before any job starts, and their mapping. */
class MonitorCommandTest {

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void modelDirectoryWithoutReferenceIsAUserError(@TempDir Path dir) {
    CliRun outcome = run("monitor", "--bootstrap", "127.0.0.1:1", "--models", dir.toString());
    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err()).contains("--models").contains("nplm/");
  }

  @Test
  void badWindowIsAUserErrorNamingTheOption(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("nplm"));
    CliRun outcome =
        run(
            "monitor",
            "--bootstrap",
            "127.0.0.1:1",
            "--models",
            dir.toString(),
            "--window",
            "ten seconds");
    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err()).contains("--window");
  }

  @Test
  void optionsMapToSettings(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("nplm"));
    MonitorCommand command = new MonitorCommand();
    new CommandLine(command)
        .parseArgs(
            "--bootstrap",
            "h:1",
            "--models",
            dir.toString(),
            "--window",
            "PT10S",
            "--expected-rate",
            "95");
    assertThat(command.settings().window()).isEqualTo(Duration.ofSeconds(10));
    assertThat(command.settings().nplmOptions().expected()).isEqualTo(950.0);
  }
}
