package io.trigmon.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The {@code server.properties} of a single-node KRaft broker (broker and controller in one
 * process) on loopback, set up for a small machine and for replaying old data.
 */
final class ServerProperties {

  private ServerProperties() {}

  static Map<String, String> of(BrokerSettings settings, BrokerPorts ports, Path dataDir) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@" + BrokerPorts.HOST + ":" + ports.controller());
    p.put("controller.listener.names", KafkaBroker.CONTROLLER);
    p.put("inter.broker.listener.name", KafkaBroker.PLAINTEXT);
    listeners(settings, ports, p);
    p.put("log.dirs", dataDir.toAbsolutePath().toString());

    // Events stamped in the past must never be deleted (DESIGN §8: 7-day retention otherwise
    // removes replayed data within minutes and readers silently see nothing).
    p.put("log.retention.ms", "-1");
    p.put("log.retention.bytes", "-1");

    // One node: every internal topic has one replica. Exactly-once sinks need the transaction log.
    p.put("num.partitions", Integer.toString(settings.partitions()));
    p.put("default.replication.factor", "1");
    p.put("min.insync.replicas", "1");
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "5");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "5");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("share.coordinator.state.topic.num.partitions", "5");

    // A small machine shared with the jobs under test; tests want groups to start at once.
    p.put("num.network.threads", "2");
    p.put("num.io.threads", "4");
    p.put("group.initial.rebalance.delay.ms", "0");

    p.putAll(settings.serverProperties());
    return p;
  }

  static void write(Map<String, String> properties, Path file) {
    List<String> lines = new ArrayList<>();
    lines.add("# Written by io.trigmon.broker.KafkaBroker; rewritten at every start.");
    properties.forEach((key, value) -> lines.add(escape(key) + "=" + escape(value)));
    try {
      Files.write(file, lines, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static void listeners(BrokerSettings settings, BrokerPorts ports, Map<String, String> p) {
    List<String> listeners = new ArrayList<>();
    List<String> advertised = new ArrayList<>();
    List<String> protocols = new ArrayList<>();
    listeners.add(address(KafkaBroker.PLAINTEXT, ports.plaintext()));
    advertised.add(address(KafkaBroker.PLAINTEXT, ports.plaintext()));
    protocols.add(KafkaBroker.PLAINTEXT + ":PLAINTEXT");
    listeners.add(address(KafkaBroker.CONTROLLER, ports.controller()));
    protocols.add(KafkaBroker.CONTROLLER + ":PLAINTEXT");
    for (Listener listener : settings.listeners()) {
      int port = ports.listeners().get(listener.name());
      listeners.add(address(listener.name(), port));
      advertised.add(address(listener.name(), port));
      protocols.add(listener.name() + ":" + listener.securityProtocol());
    }
    p.put("listeners", String.join(",", listeners));
    p.put("advertised.listeners", String.join(",", advertised));
    p.put("listener.security.protocol.map", String.join(",", protocols));
  }

  private static String address(String listener, int port) {
    return listener + "://" + BrokerPorts.HOST + ":" + port;
  }

  /** Escapes what {@link Properties#load} would otherwise read differently. */
  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '=', ':', '#', '!', ' ' -> out.append('\\').append(c);
        default -> {
          if (c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
