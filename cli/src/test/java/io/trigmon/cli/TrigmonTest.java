package io.trigmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TrigmonTest {

  private record Outcome(int code, String out, String err) {}

  private static Outcome run(String... args) {
    CommandLine cmd = Trigmon.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int code = cmd.execute(args);
    return new Outcome(code, out.toString(), err.toString());
  }

  @Test
  void unknownOptionNamesItAndPointsToHelp() {
    Outcome outcome = run("--bogus");
    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err()).contains("--bogus").contains("--help");
  }

  @Test
  void unknownCommandIsAnError() {
    Outcome outcome = run("simulat");
    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err()).contains("simulat");
  }

  @Test
  void everyCommandHasHelpWithExamples() {
    List<String> missing = new ArrayList<>();
    collectCommandsWithoutExamples(Trigmon.commandLine(), missing);
    assertThat(missing).as("commands whose --help shows no examples").isEmpty();
  }

  private static void collectCommandsWithoutExamples(CommandLine cmd, List<String> missing) {
    String name = cmd.getCommandSpec().qualifiedName(" ");
    if (!name.endsWith(" help") && !cmd.getUsageMessage().contains("Examples:")) {
      missing.add(name);
    }
    cmd.getSubcommands().values().forEach(sub -> collectCommandsWithoutExamples(sub, missing));
  }
}
