package io.trigmon.stream.alert;

import java.util.Map;

/**
 * Window results for alert-hook and live-page tests: window {@code i} of a stream starts at a fixed
 * instant plus {@code i} lumisections (23.31 s), has id {@code stream:i} and every field the Flink
 * job writes.
 */
public final class Results {
  private Results() {}

  public static WindowResult window(String stream, int i, double z) {
    return window(stream, i, z, Map.of());
  }

  public static WindowResult window(String stream, int i, double z, Map<String, Double> nuHat) {
    long start = 1_763_884_800_000L + i * 23_310L;
    return new WindowResult(
        stream,
        stream + ":" + i,
        start,
        start + 23_310L,
        2000,
        10 * z,
        12 * z,
        2 * z,
        nuHat,
        null,
        null,
        0.01,
        z,
        2100,
        1990.0,
        Map.of("q50", 0.8, "q90", 2.0 + i, "q99", 5.0),
        301.5);
  }
}
