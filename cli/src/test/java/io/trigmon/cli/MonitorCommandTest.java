package io.trigmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trigmon.flink.MonitorArguments;
import io.trigmon.flink.MonitorSettings;
import java.net.ServerSocket;
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

  @Test
  void unreachableClusterIsAUserError(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("nplm"));
    Path jar = Files.writeString(dir.resolve("job.jar"), "not used");
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    CliRun outcome =
        run(
            "monitor",
            "--bootstrap",
            "127.0.0.1:1",
            "--models",
            dir.toString(),
            "--cluster",
            "127.0.0.1:" + closedPort,
            "--job-jar",
            jar.toString());
    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err()).contains("--cluster").contains("cannot reach the Flink cluster");
  }

  @Test
  void clusterJobArgumentsCarryTheSettings(@TempDir Path dir) throws Exception {
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
            "95",
            "--cluster",
            "127.0.0.1:8081");
    MonitorSettings settings = command.settings();
    MonitorArguments parsed =
        MonitorArguments.parse(command.jobArguments(settings).toArray(String[]::new));
    assertThat(parsed.bootstrap()).isEqualTo("h:1");
    assertThat(parsed.settings()).isEqualTo(settings);
  }
}
