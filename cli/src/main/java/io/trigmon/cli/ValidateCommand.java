package io.trigmon.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code trigmon validate}: the validation studies, one subcommand per model, each a report. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Validation studies: each writes a Markdown report with PNG plots under reports/.",
    subcommands = {ValidateAeCommand.class},
    footer = {
      "",
      "Examples:",
      "  ./trigmon validate ae",
      "  ./trigmon validate ae --test-events 50000"
    })
public final class ValidateCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
