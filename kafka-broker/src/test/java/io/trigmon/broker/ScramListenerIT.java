package io.trigmon.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An extra listener with its own security (here SASL/SCRAM over plaintext; TLS adds key stores the
 * same way), on a broker of the class's own ({@link KafkaBrokerExtension#withSettings}).
 */
class ScramListenerIT {

  private static final String LISTENER = "SASL_PLAINTEXT";
  private static final String SCRAM_LOGIN =
      "org.apache.kafka.common.security.scram.ScramLoginModule";

  @RegisterExtension
  static final KafkaBrokerExtension KAFKA =
      KafkaBrokerExtension.withSettings(
          BrokerSettings.defaults()
              .withListener(new Listener(LISTENER, "SASL_PLAINTEXT", 0))
              .withServerProperties(
                  Map.of(
                      "sasl.enabled.mechanisms",
                      "SCRAM-SHA-256",
                      "listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config",
                      SCRAM_LOGIN + " required;")));

  @BeforeAll
  static void createUser() throws Exception {
    try (Admin admin =
        Admin.create(Map.of("bootstrap.servers", KAFKA.broker().bootstrapServers()))) {
      admin
          .alterUserScramCredentials(
              List.of(
                  new UserScramCredentialUpsertion(
                      "alice",
                      new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_256, 4096),
                      "alice-secret")))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void userWithTheRightPasswordSeesTheTopics() throws Exception {
    Set<String> topics = null;
    // The credential reaches the broker's cache through the metadata log: allow a moment.
    for (int attempt = 0; attempt < 50 && topics == null; attempt++) {
      try (Admin admin = Admin.create(saslClient("alice", "alice-secret"))) {
        topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(SaslAuthenticationException.class);
        Thread.sleep(200);
      }
    }
    assertThat(topics).containsAll(TrigmonTopics.ALL);
  }

  @Test
  void wrongPasswordIsRefused() {
    try (Admin admin = Admin.create(saslClient("alice", "wrong"))) {
      assertThatThrownBy(() -> admin.listTopics().names().get(30, TimeUnit.SECONDS))
          .hasCauseInstanceOf(SaslAuthenticationException.class);
    }
  }

  private static Map<String, Object> saslClient(String user, String password) {
    return Map.of(
        "bootstrap.servers",
        KAFKA.broker().bootstrapServers(LISTENER),
        "security.protocol",
        "SASL_PLAINTEXT",
        "sasl.mechanism",
        "SCRAM-SHA-256",
        "sasl.jaas.config",
        SCRAM_LOGIN + " required username=\"" + user + "\" password=\"" + password + "\";");
  }
}
