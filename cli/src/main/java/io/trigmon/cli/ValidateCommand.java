package io.trigmon.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code trigmon validate}: the long validation studies, each regenerating a report. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Run a validation study and regenerate its report (Markdown + PNG plots).",
    subcommands = {ValidateNplmCommand.class, ValidateAeCommand.class},
    footer = {
      "",
      "Examples:",
      "  ./trigmon validate nplm --out reports/nplm",
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
