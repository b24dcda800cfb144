package io.trigmon.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trigmon bench jmh}: builds the {@code benchmarks} module (profile {@code bench}), runs the
 * JMH suite and writes {@code reports/bench/jmh.md} and {@code nplm-window.png}. It delegates to
 * {@code benchmarks/run.sh}, so the script and the command always run the same thing; the JMH code
 * is not on the CLI's class path on purpose (it is built only on request).
 */
@Command(
    name = "jmh",
    mixinStandardHelpOptions = true,
    description = {
      "Run the JMH benchmarks (codec ns/event with a byte-copy baseline, autoencoder scoring,"
          + " kernel NPLM prepare and per-window cost versus N_D, N_R and M) and write"
          + " reports/bench/jmh.md plus reports/bench/nplm-window.png.",
      "The standard run (NPLM at N_R = 20000) takes about 10 minutes on 2 idle cores, --quick"
          + " about 6, --full (every parameter, N_R = 100000 too) about 40."
    },
    footer = {
      "",
      "Examples:",
      "  ./trigmon bench jmh --quick",
      "  ./trigmon bench jmh",
      "  ./trigmon bench jmh -- EventCodec -prof gc"
    })
public final class BenchJmhCommand implements Callable<Integer> {

  @Option(
      names = "--quick",
      description = "Fewer iterations and a smaller NPLM grid (N_D 2000 and 20000, N_R 20000).")
  boolean quick;

  @Option(names = "--full", description = "Every parameter of the suite, N_R = 100000 too.")
  boolean full;

  @Parameters(
      paramLabel = "JMH-ARGS",
      arity = "0..*",
      description =
          "Benchmark regex (default: all), then extra JMH options after --, passed to"
              + " benchmarks/run.sh.")
  List<String> jmhArgs = new ArrayList<>();

  @Override
  public Integer call() throws IOException, InterruptedException {
    Path home = Path.of(System.getProperty("trigmon.home", ".")).toAbsolutePath();
    Path script = home.resolve("benchmarks/run.sh");
    if (!Files.isExecutable(script)) {
      throw new UserException(
          script + " not found: run ./trigmon from the root of a trigmon checkout");
    }
    List<String> command = new ArrayList<>(List.of(script.toString()));
    if (quick && full) {
      throw new UserException("--quick and --full exclude each other: choose one");
    }
    if (quick) {
      command.add("--quick");
    } else if (full) {
      command.add("--full");
    }
    command.addAll(jmhArgs);
    return new ProcessBuilder(command).directory(home.toFile()).inheritIO().start().waitFor();
  }
}
