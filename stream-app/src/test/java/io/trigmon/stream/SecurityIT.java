package io.trigmon.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trigmon.broker.BrokerSettings;
import io.trigmon.broker.KafkaBroker;
import io.trigmon.broker.Listener;
import io.trigmon.event.Event;
import io.trigmon.event.EventCodec;
import io.trigmon.event.HostileRecords;
import io.trigmon.event.TestEvents;
import io.trigmon.stream.ingest.DeadLetter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stream app and its clients over SASL/SCRAM-SHA-512 on TLS against a real broker: a key store
 * made with the JDK's keytool, a SCRAM user created with the Admin API; the ingest app runs through
 * that listener only, and a wrong password is refused.
 */
class SecurityIT {

  private static final String STORE_PASSWORD = "store-pass-1";
  private static final String USER = "monitor";
  private static final String PASSWORD = "scram-pass-1";

  @TempDir Path dir;

  @Test
  void ingestRunsOverScramAndTls() throws Exception {
    Path keystore = dir.resolve("broker.p12");
    Path truststore = dir.resolve("trust.p12");
    makeStores(keystore, truststore);
    String prefix = "listener.name.sasl_ssl.";
    BrokerSettings settings =
        BrokerSettings.defaults()
            .withListener(new Listener("SASL_SSL", "SASL_SSL", 0))
            .withServerProperties(
                Map.of(
                    "sasl.enabled.mechanisms",
                    "SCRAM-SHA-512",
                    prefix + "scram-sha-512.sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                    prefix + "ssl.keystore.location",
                    keystore.toString(),
                    prefix + "ssl.keystore.password",
                    STORE_PASSWORD,
                    prefix + "ssl.key.password",
                    STORE_PASSWORD,
                    prefix + "ssl.keystore.type",
                    "PKCS12"));
    try (KafkaBroker broker = KafkaBroker.start(settings)) {
      createUser(broker.bootstrapServers());
      String secure = broker.bootstrapServers("SASL_SSL");
      Map<String, String> security =
          Map.of(
              "security.protocol",
              "SASL_SSL",
              "sasl.mechanism",
              "SCRAM-SHA-512",
              "sasl.username",
              USER,
              "sasl.password",
              PASSWORD,
              "ssl.truststore.location",
              truststore.toString(),
              "ssl.truststore.password",
              STORE_PASSWORD);
      Map<String, String> appValues = new HashMap<>(security);
      appValues.put("bootstrap.servers", secure);
      appValues.put("application.id", "security-it");
      appValues.put("state.dir", dir.resolve("state").toString());
      appValues.put("metrics.port", "-1");
      appValues.put("live.port", "-1");
      StreamAppConfig config = StreamAppConfig.fromMap(appValues);
      assertThat(config.toString()).doesNotContain(PASSWORD).doesNotContain(STORE_PASSWORD);

      Map<String, Object> client =
          new HashMap<>(KafkaSecurity.fromMap(security).clientProperties());
      client.put("bootstrap.servers", secure);
      List<Event> events = new TestEvents(31, Instant.now()).next(100);
      try (StreamApp app = new StreamApp(config)) {
        app.start();
        Map<String, Object> p = new HashMap<>(client);
        p.put("key.serializer", ByteArraySerializer.class);
        p.put("value.serializer", ByteArraySerializer.class);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
          for (Event e : events) {
            producer.send(new ProducerRecord<>("events.raw", EventCodec.encode(e))).get();
          }
          producer
              .send(
                  new ProducerRecord<>(
                      "events.raw", new HostileRecords(31).next(HostileRecords.Kind.NAN).bytes()))
              .get();
        }
        List<ConsumerRecord<byte[], byte[]>> valid = read(client, "events.valid", events.size());
        List<ConsumerRecord<byte[], byte[]>> dlq = read(client, "events.dlq", 1);
        assertThat(valid).hasSize(events.size());
        assertThat(dlq).hasSize(1);
        assertThat(DeadLetter.header(dlq.get(0).headers(), DeadLetter.REASON))
            .isEqualTo("non_finite");
      }

      Map<String, Object> wrong =
          new HashMap<>(
              KafkaSecurity.fromMap(
                      Map.of(
                          "security.protocol",
                          "SASL_SSL",
                          "sasl.username",
                          USER,
                          "sasl.password",
                          "not-the-password",
                          "ssl.truststore.location",
                          truststore.toString(),
                          "ssl.truststore.password",
                          STORE_PASSWORD))
                  .clientProperties());
      wrong.put("bootstrap.servers", secure);
      try (Admin admin = Admin.create(wrong)) {
        assertThatThrownBy(() -> admin.describeCluster().nodes().get(60, TimeUnit.SECONDS))
            .hasCauseInstanceOf(SaslAuthenticationException.class);
      }
    }
  }

  private static void createUser(String plaintext) throws InterruptedException, ExecutionException {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", plaintext))) {
      admin
          .alterUserScramCredentials(
              List.of(
                  new UserScramCredentialUpsertion(
                      USER, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), PASSWORD)))
          .all()
          .get();
    }
  }

  private static List<ConsumerRecord<byte[], byte[]>> read(
      Map<String, Object> client, String topic, int n) {
    Map<String, Object> p = new HashMap<>(client);
    p.put("key.deserializer", ByteArrayDeserializer.class);
    p.put("value.deserializer", ByteArrayDeserializer.class);
    p.put("group.id", "security-it-" + topic);
    p.put("auto.offset.reset", "earliest");
    p.put("isolation.level", "read_committed");
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (records.size() < n && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  /** A self-signed broker key pair for 127.0.0.1 and a trust store with its certificate. */
  private void makeStores(Path keystore, Path truststore) throws IOException, InterruptedException {
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    Path cert = dir.resolve("broker.crt");
    run(
        keytool,
        "-genkeypair",
        "-alias",
        "broker",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-validity",
        "2",
        "-dname",
        "CN=localhost",
        "-ext",
        "SAN=dns:localhost,ip:127.0.0.1",
        "-keystore",
        keystore.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        STORE_PASSWORD,
        "-keypass",
        STORE_PASSWORD);
    run(
        keytool,
        "-exportcert",
        "-alias",
        "broker",
        "-rfc",
        "-file",
        cert.toString(),
        "-keystore",
        keystore.toString(),
        "-storepass",
        STORE_PASSWORD);
    run(
        keytool,
        "-importcert",
        "-noprompt",
        "-alias",
        "broker",
        "-file",
        cert.toString(),
        "-keystore",
        truststore.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        STORE_PASSWORD);
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor()).as(String.join(" ", command) + "\n" + output).isZero();
  }
}
