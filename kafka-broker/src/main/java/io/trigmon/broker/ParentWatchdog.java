package io.trigmon.broker;

import java.io.IOException;
import java.io.InputStream;

/**
 * Runs in the child broker JVM and exits it when the parent process goes away, however it went
 * (closed the broker, exited, or was killed with {@code SIGKILL}), so that no orphaned broker keeps
 * ports and disk.
 *
 * <p>Two signals, either suffices: the end of standard input (the parent holds the write end of the
 * pipe; the operating system closes it when the parent dies), and the exit of the parent process
 * seen by {@link ProcessHandle}. The exit runs Kafka's shutdown hook (a clean shutdown); should
 * that hang, the JVM halts after {@link #HALT_AFTER_MILLIS}.
 */
final class ParentWatchdog {

  static final long HALT_AFTER_MILLIS = 30_000;

  private ParentWatchdog() {}

  static void start() {
    watchStandardInput(System.in);
    ProcessHandle.current()
        .parent()
        .ifPresent(parent -> parent.onExit().thenRun(() -> exit("parent process exited")));
  }

  private static void watchStandardInput(InputStream in) {
    Thread watcher =
        new Thread(
            () -> {
              try {
                while (in.read() >= 0) {
                  // Nothing is ever sent; only the end of the stream matters.
                }
              } catch (IOException e) {
                // A broken pipe means the same as its end.
              }
              exit("standard input closed");
            },
            "parent-watchdog");
    watcher.setDaemon(true);
    watcher.start();
  }

  private static synchronized void exit(String reason) {
    System.err.println("ParentWatchdog: " + reason + "; shutting down");
    Thread halt =
        new Thread(
            () -> {
              try {
                Thread.sleep(HALT_AFTER_MILLIS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              Runtime.getRuntime().halt(1);
            },
            "parent-watchdog-halt");
    halt.setDaemon(true);
    halt.start();
    System.exit(0);
  }
}
