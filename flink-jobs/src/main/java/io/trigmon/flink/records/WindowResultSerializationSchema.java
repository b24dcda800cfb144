package io.trigmon.flink.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes a {@link WindowResult} to {@code monitor.results}: key = window id (UTF-8), value = one
 * JSON object with snake_case keys {@code stream, window_id, window_start, window_end, n_events,
 * n_data, n_expected, t, tau, delta, nu_hat, nu_hat_tau, p, z, ae_score_quantiles, excess_m12,
 * model_versions}. Window bounds are ISO-8601 instants (UTC); absent values (no calibration, no
 * rate, no autoencoder) are JSON null or an empty object; the record timestamp is the window end.
 */
public final class WindowResultSerializationSchema
    implements KafkaRecordSerializationSchema<WindowResult> {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String topic;

  public WindowResultSerializationSchema(String topic) {
    this.topic = topic;
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(
      WindowResult result, KafkaSinkContext context, Long timestamp) {
    return new ProducerRecord<>(
        topic,
        null,
        result.windowEndMillis(),
        result.windowId().getBytes(StandardCharsets.UTF_8),
        toJson(result));
  }

  /** The JSON value of a result. */
  public static byte[] toJson(WindowResult r) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("stream", r.stream());
    json.put("window_id", r.windowId());
    json.put("window_start", r.windowStartMillis());
    json.put("window_end", r.windowEndMillis());
    json.put("n_events", r.nEvents());
    json.put("n_data", r.nData());
    json.put("n_expected", r.nExpected());
    json.put("t", r.t());
    json.put("tau", r.tau());
    json.put("delta", r.delta());
    json.put("nu_hat", r.nuHat());
    json.put("nu_hat_tau", r.nuHatTau());
    json.put("p", r.p());
    json.put("z", r.z());
    json.put("ae_score_quantiles", r.aeScoreQuantiles());
    json.put("excess_m12", r.excessM12());
    json.put("model_versions", r.modelVersions());
    try {
      return JSON.writeValueAsBytes(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write window result " + r.windowId(), e);
    }
  }
}
