package io.trigmon.stream.live;

import io.trigmon.stream.alert.WindowResult;
import java.util.Map;

/** Window results for live-page tests: fixed instants, 23.31 s windows. */
final class LiveWindows {
  static final long T0 = 1_763_884_800_000L;
  static final long LENGTH = 23_310L;

  private LiveWindows() {}

  static WindowResult window(String stream, int i, double z) {
    return window(stream, i, z, Map.of());
  }

  static WindowResult window(String stream, int i, double z, Map<String, Double> nuHat) {
    long start = T0 + i * LENGTH;
    return new WindowResult(
        stream,
        stream + "@" + i,
        start,
        start + LENGTH,
        2000 + i,
        10 * z,
        12 * z,
        2 * z,
        nuHat,
        null,
        null,
        0.01,
        z,
        2100 + i,
        1990.0,
        Map.of("q50", 0.8, "q90", 2.0 + i, "q99", 5.0),
        301.5);
  }
}
