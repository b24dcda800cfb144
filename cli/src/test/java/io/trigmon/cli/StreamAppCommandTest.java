package io.trigmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class StreamAppCommandTest {

  @Test
  void badConfigurationExitsTwoNamingTheKey() {
    CommandLine cmd = Trigmon.commandLine();
    StringWriter err = new StringWriter();
    cmd.setErr(new PrintWriter(err, true));
    cmd.setOut(new PrintWriter(new StringWriter(), true));
    int code = cmd.execute("stream-app", "--set", "processing.guarantee=maybe");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("'processing.guarantee'");
  }
}
