package io.trigmon.stream.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trigmon.stream.Secret;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WebhookNotifierTest {

  @Test
  void deliversSignedAlertmanagerJsonAndRetriesAfterFailures() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver(2)) {
      AlertConfig config =
          AlertConfig.defaults()
              .withWebhooks(List.of(receiver.url()), Optional.of(Secret.of("k3y")));
      config =
          new AlertConfig(
              config.zOn(),
              config.zOff(),
              config.windows(),
              config.driftPull(),
              config.staleAfter(),
              config.staleCheck(),
              config.webhooks(),
              config.secret(),
              3,
              java.time.Duration.ofMillis(10));
      try (WebhookNotifier notifier = new WebhookNotifier(config)) {
        notifier.accept(
            new Alert(
                AlertKind.ANOMALY,
                "dimuon",
                true,
                Instant.parse("2026-11-23T10:00:00Z"),
                Optional.empty(),
                Map.of("summary", "Z = 4")));
        WebhookReceiver.Delivery d = receiver.deliveries().poll(30, TimeUnit.SECONDS);
        assertThat(d).isNotNull();
        assertThat(receiver.attempts()).isEqualTo(3); // two 500s, then 200
        assertThat(d.signature())
            .isEqualTo(WebhookNotifier.signature(Secret.of("k3y"), d.body()))
            .startsWith("sha256=");
        JsonNode json = new ObjectMapper().readTree(d.body());
        assertThat(json.get("version").asText()).isEqualTo("4");
        assertThat(json.get("status").asText()).isEqualTo("firing");
        JsonNode alert = json.get("alerts").get(0);
        assertThat(alert.get("labels").get("alertname").asText()).isEqualTo("TrigmonAnomaly");
        assertThat(alert.get("labels").get("stream").asText()).isEqualTo("dimuon");
        assertThat(alert.get("startsAt").asText()).isEqualTo("2026-11-23T10:00:00Z");
        assertThat(alert.get("endsAt").asText()).isEqualTo(AlertmanagerPayload.ZERO_TIME);
        assertThat(alert.get("annotations").get("summary").asText()).isEqualTo("Z = 4");
        // The receiver records the body before the notifier has read the response: wait for it.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (notifier.delivered() < 1 && System.nanoTime() < deadline) {
          Thread.sleep(10);
        }
        assertThat(notifier.delivered()).isEqualTo(1);
      }
    }
  }

  @Test
  void aHangingReceiverNeverBlocksTheCaller() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    try (WebhookReceiver receiver = new WebhookReceiver(0, gate)) {
      AlertConfig config =
          AlertConfig.defaults().withWebhooks(List.of(receiver.url()), Optional.empty());
      try (WebhookNotifier notifier = new WebhookNotifier(config)) {
        for (int i = 0; i < 5; i++) {
          notifier.accept(
              new Alert(
                  AlertKind.STALE_STREAM,
                  "s" + i,
                  true,
                  Instant.EPOCH,
                  Optional.empty(),
                  Map.of()));
        }
        // accept() returned 5 times although the receiver holds the first request unanswered
        while (receiver.arrived() == 0) {
          Thread.sleep(10);
        }
        assertThat(receiver.deliveries()).isEmpty();
        gate.countDown();
        for (int i = 0; i < 5; i++) {
          assertThat(receiver.deliveries().poll(30, TimeUnit.SECONDS)).isNotNull();
        }
      }
    }
  }
}
