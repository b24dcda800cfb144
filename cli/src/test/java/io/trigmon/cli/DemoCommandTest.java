package io.trigmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Flags of {@code trigmon demo} that fail before anything starts, and their mapping. */
class DemoCommandTest {

  @Test
  void tooShortARunIsAUserError() {
    CliRun outcome = CliRun.of("demo", "--duration", "10s");
    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err()).contains("--duration").contains("at least 3");
  }

  @Test
  void unreadableDurationNamesTheOption() {
    CliRun outcome = CliRun.of("demo", "--window", "five seconds");
    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err()).contains("--window").contains("not a duration");
  }

  @Test
  void badRateAndTooShortWindowsAreUserErrors() {
    assertThat(CliRun.of("demo", "--rate", "0").err()).contains("--rate");
    assertThat(CliRun.of("demo", "--rate", "10").err()).contains("events per window");
    assertThat(CliRun.of("demo", "--window", "500ms").err()).contains("--window");
  }

  @Test
  void modelDirectoryWithoutReferenceSaysHowToMakeOne(@TempDir Path dir) {
    CliRun outcome = CliRun.of("demo", "--models", dir.toString());
    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err()).contains("nplm/").contains("trigmon demo models --out");
  }

  @Test
  void modelsOutputMustNotBeAFile(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("f"), "x");
    CliRun outcome = CliRun.of("demo", "models", "--out", file.toString());
    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err()).contains("is a file");
  }

  @Test
  void durationsInShortOrIsoForm() {
    assertThat(DemoCommand.duration("--d", "60s")).isEqualTo(Duration.ofSeconds(60));
    assertThat(DemoCommand.duration("--d", "2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(DemoCommand.duration("--d", "500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(DemoCommand.duration("--d", "2.5s")).isEqualTo(Duration.ofMillis(2500));
    assertThat(DemoCommand.duration("--d", "PT5S")).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void defaultsGiveTwelveWindowsOfTheCalibratedSize() {
    DemoCommand command = new DemoCommand();
    new CommandLine(command).parseArgs();
    DemoScenario scenario = command.scenario();
    assertThat(scenario.windows()).isEqualTo(12);
    assertThat(scenario.window()).isEqualTo(Duration.ofSeconds(5));
    assertThat(scenario.eventsPerWindow()).isEqualTo(DemoScenario.DEFAULT_WINDOW_EVENTS);
  }
}
