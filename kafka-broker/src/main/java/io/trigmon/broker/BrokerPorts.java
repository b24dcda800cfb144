package io.trigmon.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The loopback ports of one broker: its plaintext listener, its controller and any extra listeners,
 * with the free ones (asked as port 0) picked by the operating system.
 *
 * <p>A free port is found by binding and releasing it, so another process could take it before the
 * broker binds it; the broker then fails to start with "Address already in use" in its log.
 */
record BrokerPorts(int plaintext, int controller, Map<String, Integer> listeners) {

  static final String HOST = "127.0.0.1";

  BrokerPorts {
    listeners = Collections.unmodifiableMap(new LinkedHashMap<>(listeners));
  }

  static BrokerPorts allocate(BrokerSettings settings) {
    Set<Integer> taken = new HashSet<>();
    int plaintext = resolve(settings.port(), taken);
    int controller = resolve(0, taken);
    Map<String, Integer> listeners = new LinkedHashMap<>();
    for (Listener listener : settings.listeners()) {
      listeners.put(listener.name(), resolve(listener.port(), taken));
    }
    return new BrokerPorts(plaintext, controller, listeners);
  }

  /** Whether a port on the loopback address can be bound now. */
  static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int resolve(int port, Set<Integer> taken) {
    if (port != 0) {
      taken.add(port);
      return port;
    }
    for (int attempt = 0; attempt < 20; attempt++) {
      int free = freePort();
      if (taken.add(free)) {
        return free;
      }
    }
    throw new BrokerException("no free loopback port found");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind a loopback port", e);
    }
  }
}
