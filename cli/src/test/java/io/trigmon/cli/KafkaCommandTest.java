package io.trigmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Arguments of {@code trigmon kafka} that fail before any broker starts. */
class KafkaCommandTest {

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void portOutOfRangeIsAUserError() {
    CliRun outcome = run("kafka", "--port", "70000");
    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err()).contains("--port");
  }

  @Test
  void portInUseIsAUserErrorSuggestingAnother() throws IOException {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
      CliRun outcome = run("kafka", "--port", Integer.toString(taken.getLocalPort()));
      assertThat(outcome.code()).isEqualTo(2);
      assertThat(outcome.err()).contains("in use").contains("--port 0");
    }
  }

  @Test
  void zeroPartitionsIsAUserError() {
    CliRun outcome = run("kafka", "--port", "0", "--partitions", "0");
    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err()).contains("--partitions");
  }

  @Test
  void dirThatIsAFileIsAUserError(@TempDir Path tmp) throws IOException {
    Path file = Files.createFile(tmp.resolve("not-a-dir"));
    CliRun outcome = run("kafka", "--port", "0", "--dir", file.toString());
    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err()).contains("--dir").contains("not a directory");
  }
}
