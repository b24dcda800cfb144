package io.trigmon.broker;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * {@link EventRoundTripContract} against Apache Kafka's own image in Docker (Testcontainers), of
 * the same version as the embedded broker. Skipped, not failed, where there is no Docker engine.
 * (The name must not start with "Test": Surefire would run it as a unit test.)
 */
@Testcontainers(disabledWithoutDocker = true)
class KafkaContainerRoundTripIT extends EventRoundTripContract {

  @Container
  static final KafkaContainer KAFKA =
      new KafkaContainer("apache/kafka:" + System.getProperty("kafka.version", "4.2.1"));

  @Override
  String bootstrapServers() {
    return KAFKA.getBootstrapServers();
  }

  @Override
  String brokerName() {
    return "Testcontainers " + KAFKA.getDockerImageName();
  }
}
