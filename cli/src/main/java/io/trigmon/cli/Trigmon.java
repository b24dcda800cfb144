package io.trigmon.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code ./trigmon} launcher. Errors in the arguments print what was wrong and
 * how to get help, and exit with status 2; failures while running exit with status 1 and a one-line
 * reason (the stack trace only with {@code --verbose}).
 */
@Command(
    name = "trigmon",
    mixinStandardHelpOptions = true,
    versionProvider = TrigmonVersion.class,
    description = "Online trigger-level anomaly monitor: Kafka, Flink, autoencoders and NPLM.",
    subcommands = {
      CommandLine.HelpCommand.class,
      SimulateCommand.class,
      KafkaCommand.class,
      NplmCommand.class,
      NuisanceCommand.class,
      AeCommand.class,
      ReplayCommand.class,
      RecordCommand.class,
      StreamAppCommand.class,
      ValidateCommand.class,
      MonitorCommand.class,
      BenchCommand.class,
      DemoCommand.class
    },
    footer = {
      "",
      "Examples:",
      "  ./trigmon demo",
      "  ./trigmon simulate --process dy --events 100000 --seed 1 --out /tmp/dy.csv",
      "  ./trigmon kafka",
      "  ./trigmon help simulate"
    })
public final class Trigmon implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code (tests call this instead of main). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** The configured command line, with the project's error handlers. */
  public static CommandLine commandLine() {
    CommandLine cmd = new CommandLine(new Trigmon());
    cmd.setParameterExceptionHandler(Trigmon::badArguments);
    cmd.setExecutionExceptionHandler(Trigmon::failed);
    return cmd;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  private static int badArguments(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("error: " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println(
        "Run './" + cmd.getCommandSpec().qualifiedName(" ") + " --help' for usage and examples.");
    return 2;
  }

  private static int failed(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    if (e instanceof UserException) {
      err.println("error: " + e.getMessage());
      return 2;
    }
    err.println("error: " + e);
    if (Boolean.getBoolean("trigmon.verbose")) {
      e.printStackTrace(err);
    }
    return 1;
  }
}
