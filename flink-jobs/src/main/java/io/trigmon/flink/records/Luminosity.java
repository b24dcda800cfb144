package io.trigmon.flink.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One record of {@code monitor.luminosity}: the number of tested (dilepton) events the reference
 * hypothesis expects in one stream over one interval of event time — a lumisection, a window, or
 * any other span — from the delivered luminosity times the selected cross-section, or from a rate
 * measured elsewhere (DESIGN §6). Its JSON form:
 *
 * <pre>{"stream": "DoubleMuon", "start_ms": 1772323200000, "end_ms": 1772323223311,
 *  "expected_events": 1012.5}</pre>
 *
 * @param stream trigger stream key
 * @param startMillis interval start, ms since the epoch (inclusive)
 * @param endMillis interval end, ms since the epoch (exclusive), after the start
 * @param expectedEvents N(R0) over the whole interval, positive
 */
public record Luminosity(String stream, long startMillis, long endMillis, double expectedEvents) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public Luminosity {
    if (stream == null || stream.isEmpty()) {
      throw new IllegalArgumentException("stream: required");
    }
    if (endMillis <= startMillis) {
      throw new IllegalArgumentException(
          "end_ms (" + endMillis + ") must be after start_ms (" + startMillis + ")");
    }
    if (!(expectedEvents > 0 && Double.isFinite(expectedEvents))) {
      throw new IllegalArgumentException(
          "expected_events must be a positive number, got " + expectedEvents);
    }
  }

  /** The JSON form. */
  public byte[] toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("stream", stream);
    json.put("start_ms", startMillis);
    json.put("end_ms", endMillis);
    json.put("expected_events", expectedEvents);
    try {
      return JSON.writeValueAsBytes(json);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise " + this, e);
    }
  }

  /**
   * Parses the JSON form.
   *
   * @throws IllegalArgumentException naming what is wrong, for a record that is not one
   */
  public static Luminosity fromJson(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new IllegalArgumentException("empty record");
    }
    JsonNode node;
    try {
      node = JSON.readTree(bytes);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "not JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
    return new Luminosity(
        text(node, "stream"),
        number(node, "start_ms").longValue(),
        number(node, "end_ms").longValue(),
        number(node, "expected_events").doubleValue());
  }

  /** N(R0) of the part of this interval inside [start, end), assuming a constant rate within it. */
  public double expectedWithin(long start, long end) {
    long overlap = Math.min(end, endMillis) - Math.max(start, startMillis);
    return overlap <= 0 ? 0 : expectedEvents * overlap / (endMillis - startMillis);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException(field + ": a string is required");
    }
    return value.asText();
  }

  private static Number number(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || !value.isNumber()) {
      throw new IllegalArgumentException(field + ": a number is required");
    }
    return value.numberValue();
  }
}
