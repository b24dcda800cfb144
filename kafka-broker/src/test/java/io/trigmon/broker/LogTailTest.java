package io.trigmon.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

  @Test
  void keepsTheLastLinesOnly(@TempDir Path dir) throws IOException {
    Path log = dir.resolve("broker.log");
    Files.writeString(
        log,
        IntStream.rangeClosed(1, 100).mapToObj(i -> "line " + i).collect(Collectors.joining("\n")));
    String tail = LogTail.of(log, 3);
    assertThat(tail).endsWith("line 98\nline 99\nline 100").doesNotContain("line 97\n");
    assertThat(tail).contains(log.toString());
  }

  @Test
  void toleratesMalformedBytesAndMissingFiles(@TempDir Path dir) throws IOException {
    Path log = dir.resolve("broker.log");
    Files.write(log, new byte[] {'o', 'k', '\n', (byte) 0xC3, '\n', 'e', 'n', 'd'});
    assertThat(LogTail.of(log, 2)).endsWith("\nend");
    assertThat(LogTail.of(dir.resolve("missing.log"), 5)).contains("no log");
  }
}
