package io.trigmon.stream.alert;

import java.util.Map;

/** Window results for alert tests. */
final class Results {
  private Results() {}

  static WindowResult window(String stream, int i, double z) {
    return window(stream, i, z, Map.of());
  }

  static WindowResult window(String stream, int i, double z, Map<String, Double> nuHat) {
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
        z);
  }
}
