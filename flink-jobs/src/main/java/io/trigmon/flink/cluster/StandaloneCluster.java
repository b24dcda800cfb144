package io.trigmon.flink.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The local multi-process Flink standalone cluster of {@code deploy/local/flink-cluster.sh} (a
 * JobManager JVM and a JVM per TaskManager, DESIGN §8), driven from Java for tests and benchmarks:
 * {@link #start} runs the script's {@code start} in a state directory of its own (free ports, its
 * own PID files and logs), {@link #close()} its {@code stop}, also from a shutdown hook when the
 * caller never closes it. The script does not build here ({@code TRIGMON_NO_BUILD=1}): the caller
 * runs from a build that packaged flink-jobs.
 *
 * <pre>{@code
 * try (StandaloneCluster flink = StandaloneCluster.start(home, stateDir, 2, 1)) {
 *   String job = flink.client().runJar(flink.client().uploadJar(flink.jobJar()), args, 2);
 *   flink.killTaskManager(1); // SIGKILL, as a crashed machine
 * }
 * }</pre>
 */
public final class StandaloneCluster implements AutoCloseable {

  /** The script, relative to the root of a trigmon checkout. */
  public static final String SCRIPT = "deploy/local/flink-cluster.sh";

  private static final long SCRIPT_TIMEOUT_SECONDS = 300;

  private final Path home;
  private final Path state;
  private FlinkRestClient client; // set once the script has started the cluster
  private final Thread shutdownHook;
  private final AtomicBoolean closed = new AtomicBoolean();

  private StandaloneCluster(Path home, Path state) {
    this.home = home;
    this.state = state;
    this.shutdownHook = new Thread(this::stop, "flink-cluster-shutdown");
  }

  /**
   * Starts a JobManager and {@code taskManagers} TaskManagers of {@code slots} slots each, and
   * returns once they are all registered.
   *
   * @param home root of the trigmon checkout (holds the script and flink-jobs/target)
   * @param state the cluster's state directory (config, logs, PID files, checkpoints)
   * @throws FlinkClusterException when the script fails; the message holds its output
   */
  public static StandaloneCluster start(Path home, Path state, int taskManagers, int slots) {
    StandaloneCluster cluster = new StandaloneCluster(home, state);
    Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
    try {
      cluster.script(
          "start",
          "--taskmanagers",
          String.valueOf(taskManagers),
          "--slots",
          String.valueOf(slots));
      String url = Files.readString(state.resolve("rest.url"), StandardCharsets.UTF_8).strip();
      cluster.client = FlinkRestClient.of(url);
      return cluster;
    } catch (RuntimeException | IOException e) {
      cluster.close();
      throw e instanceof FlinkClusterException f
          ? f
          : new FlinkClusterException("cannot start the Flink cluster in " + state, e);
    }
  }

  /** The root of a trigmon checkout: {@code trigmon.home}, else this directory or its parent. */
  public static Path home() {
    String property = System.getProperty("trigmon.home");
    if (property != null) {
      return Path.of(property).toAbsolutePath();
    }
    Path here = Path.of("").toAbsolutePath();
    return Files.exists(here.resolve(SCRIPT)) ? here : here.getParent();
  }

  /** The shaded job jar that flink-jobs' build wrote ({@code *-job.jar}). */
  public static Path jobJar(Path home) {
    Path target = home.resolve("flink-jobs/target");
    try (DirectoryStream<Path> jars =
        Files.newDirectoryStream(target, "trigmon-flink-jobs-*-job.jar")) {
      for (Path jar : jars) {
        return jar;
      }
    } catch (IOException e) {
      // Reported below.
    }
    throw new FlinkClusterException(
        "no job jar in "
            + target
            + ": build it with './mvnw -B -q package -DskipTests -pl flink-jobs -am'");
  }

  /** The REST client of this cluster. */
  public FlinkRestClient client() {
    return client;
  }

  /** The state directory (its {@code log/} holds each process's log). */
  public Path stateDirectory() {
    return state;
  }

  /** The PIDs of the TaskManagers started so far, by number (1, 2, ...), alive or not. */
  public List<Long> taskManagerPids() {
    List<Long> pids = new ArrayList<>();
    for (int i = 1; Files.exists(pidFile(i)); i++) {
      pids.add(pid(pidFile(i)));
    }
    return pids;
  }

  /** Kills TaskManager {@code number} with SIGKILL (no shutdown: as a crashed machine). */
  public void killTaskManager(int number) {
    long pid = pid(pidFile(number));
    ProcessHandle process =
        ProcessHandle.of(pid)
            .orElseThrow(
                () -> new FlinkClusterException("taskmanager-" + number + " is not running"));
    process.destroyForcibly();
    process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
  }

  /**
   * Starts one more TaskManager (e.g. a replacement) and returns once the JobManager lists it with
   * its slots ({@code GET /taskmanagers/taskmanager-N}: the script gives each TaskManager the
   * resource id of its log and PID files); fails, naming its log, when it exits before.
   */
  public void addTaskManager() {
    script("add-taskmanager");
  }

  /** Stops every process of the cluster (the script's {@code stop}: by their PID files). */
  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook is running or has run.
    }
  }

  private void stop() {
    if (closed.compareAndSet(false, true)) {
      try {
        script("stop");
      } catch (FlinkClusterException e) {
        System.err.println("flink-cluster: " + e.getMessage());
      }
    }
  }

  private Path pidFile(int number) {
    return state.resolve("pids").resolve("taskmanager-" + number + ".pid");
  }

  private static long pid(Path file) {
    try {
      return Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).strip());
    } catch (IOException | NumberFormatException e) {
      throw new FlinkClusterException("cannot read the PID file " + file, e);
    }
  }

  private void script(String... args) {
    List<String> command = new ArrayList<>(List.of(home.resolve(SCRIPT).toString()));
    command.addAll(List.of(args));
    command.addAll(List.of("--state-dir", state.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(Map.of("TRIGMON_NO_BUILD", "1"));
    try {
      Files.createDirectories(state);
      Path output = state.resolve("script.out");
      builder.redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
      Process process = builder.start();
      if (!process.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new FlinkClusterException(SCRIPT + " " + args[0] + " timed out; see " + output);
      }
      if (process.exitValue() != 0) {
        throw new FlinkClusterException(
            SCRIPT
                + " "
                + args[0]
                + " failed:\n"
                + Files.readString(output, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new FlinkClusterException("cannot run " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FlinkClusterException("interrupted: " + SCRIPT + " " + args[0], e);
    }
  }
}
