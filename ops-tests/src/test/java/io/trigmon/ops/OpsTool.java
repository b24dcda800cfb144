package io.trigmon.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A command-line checker from Debian's {@code prometheus} / {@code prometheus-alertmanager}
 * packages ({@code promtool}, {@code amtool}). When it is missing a test is skipped with a message
 * saying how to install it, except under {@code CI=true}, where it fails: CI installs the tools
 * ({@code .ci/run}) and a silent skip there would hide broken rules.
 */
record OpsTool(Path executable) {

  /** The tool on the PATH; skips (or, under CI, fails) the calling test when it is absent. */
  static OpsTool require(String name, String debianPackage) {
    Optional<Path> found = onPath(name);
    if (found.isEmpty()) {
      String message =
          name
              + " not found on PATH; install it with `apt-get install -y "
              + debianPackage
              + "` (.ci/run does)";
      if ("true".equals(System.getenv("CI"))) {
        fail(message + " [CI=true: required]");
      }
      Assumptions.assumeTrue(false, message);
    }
    return new OpsTool(found.orElseThrow());
  }

  private static Optional<Path> onPath(String name) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Runs the tool in the repository root and asserts it exits 0; returns its output. */
  String passes(String... args) {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(List.of(args));
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(OpsFiles.root().toFile())
              .redirectErrorStream(true)
              .start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("%s finished", command).isTrue();
      assertThat(process.exitValue()).as("%s exit code; output:%n%s", command, output).isZero();
      return output;
    } catch (IOException e) {
      throw new AssertionError("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted running " + command, e);
    }
  }
}
