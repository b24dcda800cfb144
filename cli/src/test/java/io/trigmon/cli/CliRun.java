package io.trigmon.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One run of the command line as a user would start it, with the project's error handlers: the exit
 * code and what it printed to standard output and standard error.
 */
record CliRun(int code, String out, String err) {

  static CliRun of(String... args) {
    picocli.CommandLine cmd = Trigmon.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return new CliRun(cmd.execute(args), out.toString(), err.toString());
  }
}
