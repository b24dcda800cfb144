package io.trigmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trigmon.broker.TrigmonTopics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code trigmon kafka} for real: it prints an address that serves the topics, then stops. */
class KafkaCommandIT {

  private static final Pattern BOOTSTRAP = Pattern.compile("bootstrap servers: (\\S+)");

  @Test
  void printsAWorkingBootstrapAddressAndStopsWhenInterrupted() throws Exception {
    StringWriter out = new StringWriter();
    CommandLine cmd = Trigmon.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(new StringWriter(), true));
    AtomicReference<Thread> runner = new AtomicReference<>();
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () -> {
              runner.set(Thread.currentThread());
              return cmd.execute("kafka", "--port", "0", "--partitions", "3");
            });

    String bootstrap = awaitBootstrap(out, exit);
    try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrap))) {
      Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      assertThat(topics).containsAll(TrigmonTopics.ALL);
    }
    assertThat(out.toString()).contains("3 partitions each").contains("Ctrl-C");

    runner.get().interrupt();
    assertThat(exit.get(60, TimeUnit.SECONDS)).isEqualTo(KafkaCommand.INTERRUPTED);
  }

  private static String awaitBootstrap(StringWriter out, CompletableFuture<Integer> exit)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline && !exit.isDone()) {
      Matcher m = BOOTSTRAP.matcher(out.toString());
      if (m.find()) {
        return m.group(1);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no bootstrap address printed; output:\n" + out);
  }
}
