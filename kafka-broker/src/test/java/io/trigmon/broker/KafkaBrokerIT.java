package io.trigmon.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The broker as a user of this module sees it: starts, serves, keeps data, stops, says why. */
@ExtendWith(KafkaBrokerExtension.class)
class KafkaBrokerIT {

  @Test
  void startsWithTheDesignTopicsKeptForever(KafkaBroker kafka) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      Map<String, TopicDescription> topics =
          admin.describeTopics(TrigmonTopics.ALL).allTopicNames().get(30, TimeUnit.SECONDS);
      assertThat(topics).containsOnlyKeys(TrigmonTopics.ALL);
      topics.values().forEach(t -> assertThat(t.partitions()).hasSize(2));

      ConfigResource raw = new ConfigResource(ConfigResource.Type.TOPIC, TrigmonTopics.EVENTS_RAW);
      ConfigEntry retention =
          admin
              .describeConfigs(List.of(raw))
              .all()
              .get(30, TimeUnit.SECONDS)
              .get(raw)
              .get("retention.ms");
      assertThat(retention.value()).isEqualTo("-1");
    }
  }

  @Test
  void transactionalProducerCommits(KafkaBroker kafka) {
    String topic = "tx-" + UUID.randomUUID();
    kafka.createTopic(topic, 1);
    Properties props = producerProperties(kafka.bootstrapServers());
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-test");
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "k", "committed"));
      producer.commitTransaction();
    }
    Properties consumer = consumerProperties(kafka.bootstrapServers());
    consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    assertThat(readAll(consumer, topic, 1)).containsExactly("committed");
  }

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "snappy", "lz4", "zstd"})
  void everyCompressionCodecIsOnTheBrokersClasspath(String codec, KafkaBroker kafka) {
    String topic = "codec-" + codec + "-" + UUID.randomUUID();
    kafka.createTopic(topic, 1);
    Properties props = producerProperties(kafka.bootstrapServers());
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, codec);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
      producer.send(new ProducerRecord<>(topic, "compressed with " + codec));
    }
    assertThat(readAll(consumerProperties(kafka.bootstrapServers()), topic, 1))
        .containsExactly("compressed with " + codec);
  }

  @Test
  void restartOnTheSameDirectoryKeepsRecords(@TempDir Path dir) {
    String topic = "kept";
    BrokerSettings settings = BrokerSettings.defaults().withWorkDir(dir).withTopics(List.of(topic));
    try (KafkaBroker first = KafkaBroker.start(settings)) {
      produce(first.bootstrapServers(), topic, List.of("a", "b", "c"));
    }
    assertThat(dir).isDirectory();
    try (KafkaBroker second = KafkaBroker.start(settings)) {
      assertThat(readAll(consumerProperties(second.bootstrapServers()), topic, 3))
          .containsExactlyInAnyOrder("a", "b", "c");
    }
    assertThat(dir.resolve(KafkaBroker.LOG_FILE)).isRegularFile();
  }

  @Test
  void closeStopsTheProcessAndDeletesATemporaryDirectory() throws Exception {
    KafkaBroker kafka = KafkaBroker.start(BrokerSettings.defaults().withTopics(List.of()));
    Path dir = kafka.workDir();
    ProcessHandle process = ProcessHandle.of(kafka.pid()).orElseThrow();
    kafka.close();
    process.onExit().get(30, TimeUnit.SECONDS);
    assertThat(process.isAlive()).isFalse();
    assertThat(dir).doesNotExist();
  }

  @Test
  void failedStartSaysWhyWithTheLogTail(@TempDir Path dir) {
    BrokerSettings broken =
        BrokerSettings.defaults()
            .withWorkDir(dir)
            .withServerProperty("num.io.threads", "not-a-number")
            .withStartTimeout(Duration.ofSeconds(60));
    assertThatThrownBy(() -> KafkaBroker.start(broken))
        .isInstanceOf(BrokerException.class)
        .hasMessageContaining(KafkaBroker.LOG_FILE)
        .hasMessageContaining("num.io.threads");
  }

  @Test
  void brokerDiesWhenItsParentIsKilled(@TempDir Path dir) throws Exception {
    // A parent JVM that starts a broker and prints the broker's pid, then waits to be killed.
    Path pidFile = dir.resolve("broker.pid");
    Process parent =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                BrokerHoldingParent.class.getName(),
                pidFile.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("parent.log").toFile())
            .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (!Files.exists(pidFile) && parent.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(pidFile)
          .as(Files.readString(dir.resolve("parent.log"), StandardCharsets.UTF_8))
          .exists();
      long brokerPid = Long.parseLong(Files.readString(pidFile).strip());
      ProcessHandle broker = ProcessHandle.of(brokerPid).orElseThrow();

      parent.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hook runs

      broker.onExit().get(60, TimeUnit.SECONDS);
      assertThat(broker.isAlive()).isFalse();
    } finally {
      parent.destroyForcibly();
    }
  }

  /** Main class of the parent JVM in {@link #brokerDiesWhenItsParentIsKilled}. */
  static final class BrokerHoldingParent {
    public static void main(String[] args) throws Exception {
      Path pidFile = Path.of(args[0]);
      // A kept work dir inside the test's: killed with SIGKILL, this JVM deletes nothing itself.
      KafkaBroker kafka =
          KafkaBroker.start(
              BrokerSettings.defaults()
                  .withTopics(List.of())
                  .withWorkDir(pidFile.resolveSibling("broker")));
      Path tmp = pidFile.resolveSibling("broker.pid.tmp");
      Files.writeString(tmp, Long.toString(kafka.pid()));
      Files.move(tmp, pidFile);
      Thread.sleep(Long.MAX_VALUE);
    }
  }

  static Properties producerProperties(String bootstrap) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    return props;
  }

  static Properties consumerProperties(String bootstrap) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return props;
  }

  static void produce(String bootstrap, String topic, List<String> values) {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(producerProperties(bootstrap))) {
      values.forEach(v -> producer.send(new ProducerRecord<>(topic, v)));
    }
  }

  /** Reads from a topic until {@code expected} values arrived (or 30 s passed). */
  static List<String> readAll(Properties props, String topic, int expected) {
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
      consumer.subscribe(Set.of(topic));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (values.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          values.add(record.value());
        }
      }
    }
    return values;
  }
}
