package io.trigmon.stream;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How Kafka clients authenticate and encrypt: plaintext, TLS, SASL/SCRAM or SASL/SCRAM over TLS.
 * Passwords are {@link Secret}s, so printing the settings never shows them; in the client
 * properties the password sits only in {@code sasl.jaas.config} and the trust-store password, which
 * Kafka itself logs as {@code [hidden]}.
 *
 * <table>
 *   <caption>Keys (shared by the stream app's configuration and the CLI's {@code --kafka-config})</caption>
 *   <tr><th>Key</th><th>Default</th><th>Meaning</th></tr>
 *   <tr><td>{@code security.protocol}</td><td>{@code PLAINTEXT}</td><td>{@code PLAINTEXT},
 *       {@code SSL}, {@code SASL_PLAINTEXT} or {@code SASL_SSL}</td></tr>
 *   <tr><td>{@code sasl.mechanism}</td><td>{@code SCRAM-SHA-512}</td><td>{@code SCRAM-SHA-256}
 *       or {@code SCRAM-SHA-512} (SASL protocols)</td></tr>
 *   <tr><td>{@code sasl.username}</td><td>—</td><td>SCRAM user (required for SASL)</td></tr>
 *   <tr><td>{@code sasl.password}</td><td>—</td><td>its password (required for SASL)</td></tr>
 *   <tr><td>{@code ssl.truststore.location}</td><td>JDK trust store</td><td>trust store with the
 *       broker's CA (TLS protocols)</td></tr>
 *   <tr><td>{@code ssl.truststore.password}</td><td>—</td><td>its password</td></tr>
 *   <tr><td>{@code ssl.truststore.type}</td><td>{@code PKCS12}</td><td>its type</td></tr>
 *   <tr><td>{@code ssl.endpoint.identification.algorithm}</td><td>{@code https}</td><td>host
 *       name check of the broker certificate; empty to disable</td></tr>
 * </table>
 *
 * @param protocol the security protocol
 * @param saslMechanism SCRAM mechanism, for the SASL protocols
 * @param username SCRAM user, for the SASL protocols
 * @param password SCRAM password, for the SASL protocols
 * @param truststore trust store file, for the TLS protocols
 * @param truststorePassword its password
 * @param truststoreType its type
 * @param endpointIdentification host name verification algorithm, empty for none
 */
public record KafkaSecurity(
    String protocol,
    String saslMechanism,
    Optional<String> username,
    Optional<Secret> password,
    Optional<Path> truststore,
    Optional<Secret> truststorePassword,
    String truststoreType,
    String endpointIdentification) {

  public static final String PROTOCOL = "security.protocol";
  public static final String SASL_MECHANISM = "sasl.mechanism";
  public static final String SASL_USERNAME = "sasl.username";
  public static final String SASL_PASSWORD = "sasl.password";
  public static final String TRUSTSTORE_LOCATION = "ssl.truststore.location";
  public static final String TRUSTSTORE_PASSWORD = "ssl.truststore.password";
  public static final String TRUSTSTORE_TYPE = "ssl.truststore.type";
  public static final String ENDPOINT_IDENTIFICATION = "ssl.endpoint.identification.algorithm";

  /** Every key read by {@link #fromMap(Map)}. */
  public static final Set<String> KEYS =
      Set.of(
          PROTOCOL,
          SASL_MECHANISM,
          SASL_USERNAME,
          SASL_PASSWORD,
          TRUSTSTORE_LOCATION,
          TRUSTSTORE_PASSWORD,
          TRUSTSTORE_TYPE,
          ENDPOINT_IDENTIFICATION);

  private static final Set<String> PROTOCOLS =
      Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
  private static final Set<String> MECHANISMS = Set.of("SCRAM-SHA-256", "SCRAM-SHA-512");

  public KafkaSecurity {
    if (!PROTOCOLS.contains(protocol)) {
      throw new ConfigException(
          PROTOCOL, "must be one of " + PROTOCOLS + ", got '" + protocol + "'");
    }
    if (isSasl(protocol)) {
      if (!MECHANISMS.contains(saslMechanism)) {
        throw new ConfigException(
            SASL_MECHANISM, "must be one of " + MECHANISMS + ", got '" + saslMechanism + "'");
      }
      if (username.isEmpty() || username.get().isBlank()) {
        throw new ConfigException(SASL_USERNAME, "required with " + PROTOCOL + "=" + protocol);
      }
      if (password.isEmpty()) {
        throw new ConfigException(SASL_PASSWORD, "required with " + PROTOCOL + "=" + protocol);
      }
    }
    if (truststore.isPresent() && !Files.isReadable(truststore.get())) {
      throw new ConfigException(
          TRUSTSTORE_LOCATION, "file " + truststore.get() + " does not exist or is not readable");
    }
  }

  /** No authentication, no encryption. */
  public static KafkaSecurity plaintext() {
    return new KafkaSecurity(
        "PLAINTEXT",
        "SCRAM-SHA-512",
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        "PKCS12",
        "https");
  }

  /** The settings under {@link #KEYS} in a map; absent keys take their defaults. */
  public static KafkaSecurity fromMap(Map<String, String> values) {
    return new KafkaSecurity(
        values.getOrDefault(PROTOCOL, "PLAINTEXT").trim(),
        values.getOrDefault(SASL_MECHANISM, "SCRAM-SHA-512").trim(),
        Optional.ofNullable(values.get(SASL_USERNAME)),
        Optional.ofNullable(values.get(SASL_PASSWORD)).map(Secret::of),
        Optional.ofNullable(values.get(TRUSTSTORE_LOCATION)).map(Path::of),
        Optional.ofNullable(values.get(TRUSTSTORE_PASSWORD)).map(Secret::of),
        values.getOrDefault(TRUSTSTORE_TYPE, "PKCS12").trim(),
        values.getOrDefault(ENDPOINT_IDENTIFICATION, "https").trim());
  }

  /** The Kafka client properties for these settings (for producers, consumers, admin, streams). */
  public Map<String, Object> clientProperties() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("security.protocol", protocol);
    if (isSasl(protocol)) {
      p.put("sasl.mechanism", saslMechanism);
      p.put(
          "sasl.jaas.config",
          "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
              + jaasEscape(username.orElseThrow())
              + "\" password=\""
              + jaasEscape(password.orElseThrow().reveal())
              + "\";");
    }
    if (isTls(protocol)) {
      truststore.ifPresent(path -> p.put("ssl.truststore.location", path.toString()));
      truststorePassword.ifPresent(s -> p.put("ssl.truststore.password", s.reveal()));
      p.put("ssl.truststore.type", truststoreType);
      p.put("ssl.endpoint.identification.algorithm", endpointIdentification);
    }
    return p;
  }

  private static boolean isSasl(String protocol) {
    return protocol.startsWith("SASL_");
  }

  private static boolean isTls(String protocol) {
    return protocol.endsWith("SSL");
  }

  private static String jaasEscape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
