package io.trigmon.broker;

import java.util.List;

/**
 * Main class of the child broker JVM: {@code BrokerMain <server.properties> [<cluster id>]}.
 *
 * <p>Starts the {@link ParentWatchdog}; with a cluster id, formats the storage first ({@code
 * kafka.tools.StorageTool format}, as {@code kafka-storage.sh} does); then runs {@code kafka.Kafka
 * <server.properties>} until the broker shuts down. Formatting in the same JVM as the broker saves
 * a JVM start and the broker's class loading (about 2 s, several on a loaded machine).
 */
public final class BrokerMain {

  private BrokerMain() {}

  public static void main(String[] args) {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: BrokerMain <server.properties> [<cluster id to format with>]");
      System.exit(2);
    }
    ParentWatchdog.start();
    String config = args[0];
    if (args.length == 2) {
      format(config, args[1]);
    }
    kafka.Kafka.main(new String[] {config});
  }

  private static void format(String config, String clusterId) {
    List<String> command =
        List.of("format", "--cluster-id", clusterId, "--config", config, "--ignore-formatted");
    int exit = kafka.tools.StorageTool.execute(command.toArray(String[]::new), System.out);
    if (exit != 0) {
      System.err.println("BrokerMain: formatting the storage failed with exit code " + exit);
      System.exit(exit);
    }
  }
}
