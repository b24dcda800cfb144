package io.trigmon.broker;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link EventRoundTripContract} against the embedded broker (a child JVM, DESIGN §8). */
@ExtendWith(KafkaBrokerExtension.class)
class KafkaBrokerRoundTripIT extends EventRoundTripContract {

  private final KafkaBroker kafka;

  KafkaBrokerRoundTripIT(KafkaBroker kafka) {
    this.kafka = kafka;
  }

  @Override
  String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  @Override
  Optional<ProcessHandle> brokerProcess() {
    return ProcessHandle.of(kafka.pid());
  }

  @Override
  String brokerName() {
    return "embedded broker";
  }
}
