package io.trigmon.broker;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * An extra listener of the broker besides its plaintext one, for clients that must connect with TLS
 * or SASL (e.g. a SASL/SCRAM over TLS listener). The security settings it needs (key stores, JAAS
 * config, enabled mechanisms) go into {@link BrokerSettings#serverProperties()}, usually with the
 * listener prefix {@code listener.name.<name in lower case>.}.
 *
 * @param name listener name, upper case (e.g. {@code SASL_SSL} or {@code EXTERNAL}); not {@code
 *     PLAINTEXT} or {@code CONTROLLER}, which the broker uses itself
 * @param securityProtocol one of {@code PLAINTEXT}, {@code SSL}, {@code SASL_PLAINTEXT}, {@code
 *     SASL_SSL}
 * @param port loopback port, 0 for a free one
 */
public record Listener(String name, String securityProtocol, int port) {

  private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
  private static final Set<String> PROTOCOLS =
      Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
  static final Set<String> RESERVED = Set.of(KafkaBroker.PLAINTEXT, KafkaBroker.CONTROLLER);

  public Listener {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "listener name must be upper-case letters, digits and '_', got " + name);
    }
    if (RESERVED.contains(name)) {
      throw new IllegalArgumentException(
          "listener name " + name + " is reserved for the broker's own listeners");
    }
    if (!PROTOCOLS.contains(securityProtocol)) {
      throw new IllegalArgumentException(
          "listener "
              + name
              + ": securityProtocol must be one of "
              + PROTOCOLS
              + ", got "
              + securityProtocol);
    }
    BrokerSettings.checkPort("listener " + name + " port", port);
  }
}
