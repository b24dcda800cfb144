package io.trigmon.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The broker's JVM, a child of this one: {@link BrokerMain} with the broker's classpath, its output
 * appended to a log file, its standard input a pipe that this JVM keeps open (the {@link
 * ParentWatchdog} in the child exits when it closes).
 */
final class ChildJvm {

  private final Process process;

  private ChildJvm(Process process) {
    this.process = process;
  }

  static ChildJvm start(String classpath, List<String> jvmOptions, List<String> args, Path log) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classpath);
    command.add(BrokerMain.class.getName());
    command.addAll(args);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .redirectInput(ProcessBuilder.Redirect.PIPE);
    // The caller's CLASSPATH must not leak into the broker.
    builder.environment().remove("CLASSPATH");
    try {
      return new ChildJvm(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command.get(0), e);
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /** Exit code once it exited; blocks until then. */
  int waitFor() throws InterruptedException {
    return process.waitFor();
  }

  /**
   * Asks the process to stop (SIGTERM: Kafka shuts down cleanly), waits up to {@code grace}, then
   * kills it. Returns when it is gone.
   */
  void stop(Duration grace) {
    if (!process.isAlive()) {
      closeStandardInput();
      return;
    }
    try {
      if (!grace.isZero()) {
        process.destroy();
        if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
          return;
        }
      }
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      closeStandardInput();
    }
  }

  private void closeStandardInput() {
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // The pipe is already gone with the process.
    }
  }
}
