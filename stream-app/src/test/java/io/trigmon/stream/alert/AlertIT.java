package io.trigmon.stream.alert;

import static io.trigmon.stream.alert.Results.window;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trigmon.broker.BrokerSettings;
import io.trigmon.broker.KafkaBrokerExtension;
import io.trigmon.stream.Secret;
import io.trigmon.stream.StreamApp;
import io.trigmon.stream.StreamAppConfig;
import io.trigmon.stream.StreamTopics;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alert hooks against a real broker and a loopback webhook receiver: a raised anomaly is delivered
 * signed; after a restart of the app on the same state, the replayed windows raise nothing again,
 * and the clearing is delivered.
 */
class AlertIT {

  @RegisterExtension
  static final KafkaBrokerExtension KAFKA =
      KafkaBrokerExtension.withSettings(BrokerSettings.defaults().withPartitions(1));

  @TempDir Path stateDir;

  @Test
  void deliversRaisesOnceAcrossARestartAndThenTheClearing() throws Exception {
    String bootstrap = KAFKA.broker().bootstrapServers();
    try (WebhookReceiver receiver = new WebhookReceiver(0)) {
      StreamAppConfig config =
          StreamAppConfig.fromMap(
              Map.of(
                  "bootstrap.servers", bootstrap,
                  "application.id", "alert-it",
                  "state.dir", stateDir.toString(),
                  "metrics.port", "-1",
                  "live.port", "-1",
                  "alert.windows", "3",
                  "alert.webhook.urls", receiver.url().toString(),
                  "alert.webhook.secret", "it-secret",
                  "kafka.commit.interval.ms", "100"));
      try (StreamApp app = new StreamApp(config)) {
        app.start();
        produce(bootstrap, 1, 3, 4.0);
        WebhookReceiver.Delivery raised = receiver.deliveries().poll(120, TimeUnit.SECONDS);
        assertThat(raised).as("firing delivery").isNotNull();
        assertThat(raised.signature())
            .isEqualTo(WebhookNotifier.signature(Secret.of("it-secret"), raised.body()));
        JsonNode json = new ObjectMapper().readTree(raised.body());
        assertThat(json.get("status").asText()).isEqualTo("firing");
        assertThat(json.get("alerts").get(0).get("labels").get("alertname").asText())
            .isEqualTo("TrigmonAnomaly");
      }

      try (StreamApp restarted = new StreamApp(config)) {
        restarted.start();
        produce(bootstrap, 1, 4, 4.0); // windows 1-3 again (a replay) and a new high one
        produce(bootstrap, 5, 5, 1.0); // clears
        WebhookReceiver.Delivery next = receiver.deliveries().poll(120, TimeUnit.SECONDS);
        assertThat(next).as("resolved delivery").isNotNull();
        JsonNode json = new ObjectMapper().readTree(next.body());
        assertThat(json.get("status").asText())
            .as("no second firing after the restart")
            .isEqualTo("resolved");
        assertThat(receiver.deliveries()).isEmpty();
      }
    }
  }

  private static void produce(String bootstrap, int from, int to, double z) {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(
                "bootstrap.servers", bootstrap,
                "key.serializer", StringSerializer.class,
                "value.serializer", StringSerializer.class))) {
      for (int i = from; i <= to; i++) {
        WindowResult r = window("dimuon", i, z);
        producer.send(
            new ProducerRecord<>(StreamTopics.MONITOR_RESULTS.name(), r.stream(), r.toJson()));
      }
    }
  }
}
