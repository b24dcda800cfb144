package io.trigmon.stream.live;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code chromium} in headless mode, for tests that load a page: the DOM after the page's
 * scripts ran ({@code --dump-dom}) and a screenshot. Virtual time ({@code --virtual-time-budget})
 * lets timers and fetches run without waiting in real time.
 */
final class HeadlessChromium {

  private static final List<String> CANDIDATES =
      List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");

  private final Path binary;
  private final Path workDir;

  private HeadlessChromium(Path binary, Path workDir) {
    this.binary = binary;
    this.workDir = workDir;
  }

  /** The browser, when one is installed. */
  static Optional<HeadlessChromium> find(Path workDir) {
    return CANDIDATES.stream()
        .map(Path::of)
        .filter(Files::isExecutable)
        .findFirst()
        .map(p -> new HeadlessChromium(p, workDir));
  }

  /** The serialised DOM of a page after {@code budgetMillis} of virtual time. */
  String dumpDom(URI page, int budgetMillis) throws IOException, InterruptedException {
    return new String(
        run(List.of("--virtual-time-budget=" + budgetMillis, "--dump-dom", page.toString())),
        StandardCharsets.UTF_8);
  }

  /** A PNG screenshot of a page of the given window size. */
  void screenshot(URI page, Path png, int width, int height, int budgetMillis)
      throws IOException, InterruptedException {
    Files.createDirectories(png.toAbsolutePath().getParent());
    run(
        List.of(
            "--virtual-time-budget=" + budgetMillis,
            "--hide-scrollbars",
            "--window-size=" + width + "," + height,
            "--screenshot=" + png.toAbsolutePath(),
            page.toString()));
    if (!Files.isRegularFile(png) || Files.size(png) == 0) {
      throw new IOException("chromium wrote no screenshot to " + png);
    }
  }

  private byte[] run(List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(
        List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-extensions",
            "--user-data-dir=" + workDir.resolve("profile")));
    command.addAll(args);
    Path out = Files.createTempFile(workDir, "chromium", ".out");
    Path err = Files.createTempFile(workDir, "chromium", ".err");
    Process process =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("chromium did not finish in 120 s: " + command);
    }
    if (process.exitValue() != 0) {
      throw new IOException(
          "chromium exited with " + process.exitValue() + ": " + Files.readString(err));
    }
    return Files.readAllBytes(out);
  }
}
