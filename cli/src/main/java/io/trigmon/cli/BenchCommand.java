package io.trigmon.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code trigmon bench}: performance measurements, each a subcommand that writes a report under
 * {@code reports/bench/} ({@code jmh}: JMH micro-benchmarks of the codec, scorers and kernel NPLM;
 * {@code scale-out}: the monitor job on the standalone cluster at several parallelisms, {@code
 * pipeline}: end-to-end throughput, latency and backpressure of the monitor).
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Run performance benchmarks and write their reports under reports/bench/.",
    subcommands = {
      CommandLine.HelpCommand.class,
      BenchJmhCommand.class,
      BenchScaleOutCommand.class,
      BenchPipelineCommand.class
    },
    footer = {
      "",
      "Examples:",
      "  ./trigmon bench jmh --quick",
      "  ./trigmon bench jmh EventCodec",
      "  ./trigmon bench scale-out --quick",
      "  ./trigmon bench pipeline --quick --backpressure"
    })
public final class BenchCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
