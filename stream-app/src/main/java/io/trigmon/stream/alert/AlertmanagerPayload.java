package io.trigmon.stream.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The body of a webhook POST: Alertmanager's webhook JSON (version 4), one alert per message, so
 * that any receiver written for Alertmanager understands it. Labels {@code alertname}, {@code
 * stream}, {@code severity}; {@code fingerprint} is derived from the alert key, so a receiver can
 * deduplicate (a redelivery after a crash has the same fingerprint and startsAt).
 */
final class AlertmanagerPayload {

  /** Alertmanager's "zero" time, used for endsAt of firing alerts. */
  static final String ZERO_TIME = "0001-01-01T00:00:00Z";

  private static final ObjectMapper JSON = new ObjectMapper();

  private AlertmanagerPayload() {}

  static byte[] of(Alert alert) {
    String status = alert.firing() ? "firing" : "resolved";
    ObjectNode labels = JSON.createObjectNode();
    labels.put("alertname", alert.kind().alertName());
    labels.put("stream", alert.stream());
    labels.put("severity", alert.kind().severity());
    ObjectNode annotations = JSON.createObjectNode();
    for (Map.Entry<String, String> e : alert.annotations().entrySet()) {
      annotations.put(e.getKey(), e.getValue());
    }
    ObjectNode a = JSON.createObjectNode();
    a.put("status", status);
    a.set("labels", labels);
    a.set("annotations", annotations);
    a.put("startsAt", alert.startsAt().toString());
    a.put("endsAt", alert.endsAt().map(Object::toString).orElse(ZERO_TIME));
    a.put("generatorURL", "");
    a.put("fingerprint", fingerprint(alert.key()));

    ObjectNode root = JSON.createObjectNode();
    root.put("version", "4");
    root.put(
        "groupKey",
        "{}:{alertname=\"" + alert.kind().alertName() + "\",stream=\"" + alert.stream() + "\"}");
    root.put("truncatedAlerts", 0);
    root.put("status", status);
    root.put("receiver", "trigmon");
    root.set("groupLabels", labels.deepCopy());
    root.set("commonLabels", labels.deepCopy());
    root.set("commonAnnotations", annotations.deepCopy());
    root.put("externalURL", "");
    ArrayNode alerts = root.putArray("alerts");
    alerts.add(a);
    try {
      return JSON.writeValueAsBytes(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String fingerprint(String key) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
