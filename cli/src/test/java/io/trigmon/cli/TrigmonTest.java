package io.trigmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TrigmonTest {

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void unknownOptionNamesItAndPointsToHelp() {
    CliRun outcome = run("--bogus");
    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err()).contains("--bogus").contains("--help");
  }

  @Test
  void unknownCommandIsAnError() {
    CliRun outcome = run("simulat");
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
