package io.trigmon.cli;

import io.trigmon.broker.BrokerException;
import io.trigmon.broker.BrokerSettings;
import io.trigmon.broker.KafkaBroker;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.kafka.common.utils.AppInfoParser;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trigmon kafka}: a real single-node Kafka broker on this machine (a child JVM, DESIGN §8)
 * with the topics of DESIGN §7, until Ctrl-C.
 */
@Command(
    name = "kafka",
    mixinStandardHelpOptions = true,
    description = {
      "Start a real single-node Apache Kafka broker (KRaft) on 127.0.0.1 with the trigmon topics"
          + " (events.raw, events.valid, events.dlq, monitor.results), print its bootstrap"
          + " address and keep it up until Ctrl-C.",
      "Records are kept forever (log.retention.ms=-1), so replays of old data are not deleted."
    },
    footer = {
      "",
      "Examples:",
      "  ./trigmon kafka                          # port 9092, temporary data (deleted at exit)",
      "  ./trigmon kafka --port 0                 # any free port; the address is printed",
      "  ./trigmon kafka --dir /tmp/trigmon-kafka --partitions 4   # data kept across restarts"
    })
public final class KafkaCommand implements Callable<Integer> {

  /** Exit code when the waiting thread is interrupted (as for SIGINT: 128 + 2). */
  static final int INTERRUPTED = 130;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "9092",
      description =
          "Plaintext listener port on 127.0.0.1; 0 for a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description =
          "Work directory for data, configuration and broker.log, kept at exit and reused at the"
              + " next start (default: a temporary directory, deleted at exit).")
  Path dir;

  @Option(
      names = "--partitions",
      paramLabel = "N",
      defaultValue = "2",
      description = "Partitions of each topic (default: ${DEFAULT-VALUE}).")
  int partitions;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    BrokerSettings settings = settings();
    PrintWriter out = spec.commandLine().getOut();
    out.println("Starting Kafka " + AppInfoParser.getVersion() + " (KRaft, single node)...");
    out.flush();
    long start = System.nanoTime();
    KafkaBroker broker;
    try {
      broker = KafkaBroker.start(settings);
    } catch (BrokerException e) {
      throw new BrokerStartFailed(e.getMessage(), e);
    }
    try (broker) {
      printReady(out, broker, (System.nanoTime() - start) / 1e9);
      int exit;
      try {
        exit = broker.awaitExit();
      } catch (InterruptedException e) {
        // Handled: the command stops. The flag stays clear so that close() can wait for the
        // broker process to be gone.
        return INTERRUPTED;
      }
      if (broker.isClosed()) {
        return 0; // Ctrl-C: the JVM's shutdown hook stopped the broker
      }
      spec.commandLine()
          .getErr()
          .println(
              "error: the broker exited unexpectedly (code " + exit + "); see " + broker.logFile());
      return 1;
    }
  }

  private BrokerSettings settings() {
    if (port < 0 || port > 65_535) {
      throw new UserException("--port must be 0 (a free port) or 1-65535, got " + port);
    }
    if (port != 0 && !KafkaBroker.isPortFree(port)) {
      throw new UserException(
          "port "
              + port
              + " on 127.0.0.1 is in use (another broker?); choose another with --port,"
              + " or --port 0 for a free one");
    }
    if (partitions < 1) {
      throw new UserException("--partitions must be at least 1, got " + partitions);
    }
    BrokerSettings settings = BrokerSettings.defaults().withPort(port).withPartitions(partitions);
    if (dir != null) {
      if (Files.exists(dir) && !Files.isDirectory(dir)) {
        throw new UserException("--dir " + dir + " is a file, not a directory");
      }
      settings = settings.withWorkDir(dir.toAbsolutePath());
    }
    return settings;
  }

  private static void printReady(PrintWriter out, KafkaBroker broker, double seconds) {
    BrokerSettings s = broker.settings();
    out.printf("Kafka broker ready in %.1f s%n", seconds);
    out.println("  bootstrap servers: " + broker.bootstrapServers());
    out.println(
        "  topics:            "
            + String.join(", ", s.topics())
            + " ("
            + s.partitions()
            + " partition"
            + (s.partitions() == 1 ? "" : "s")
            + " each)");
    out.println(
        "  work dir:          "
            + broker.workDir()
            + (s.workDir().isEmpty() ? " (temporary, deleted at exit)" : ""));
    out.println("  broker log:        " + broker.logFile());
    out.println("Press Ctrl-C to stop.");
    out.flush();
  }

  /** A start failure: the message carries the tail of the broker's log. */
  static final class BrokerStartFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BrokerStartFailed(String message, Throwable cause) {
      super(message, cause);
    }

    @Override
    public String toString() {
      return getMessage();
    }
  }
}
