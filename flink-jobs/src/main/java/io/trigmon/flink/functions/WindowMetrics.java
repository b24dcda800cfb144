package io.trigmon.flink.functions;

import io.trigmon.flink.records.WindowResult;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;

/**
 * The per-window metrics of DESIGN §7 in the operator's Flink metric group, one group per stream
 * (label {@code stream}): gauges {@code trigmon_window_z}, {@code trigmon_window_t}, {@code
 * trigmon_window_tau}, {@code trigmon_window_delta}, {@code trigmon_window_events}, {@code
 * trigmon_window_latency_seconds} (processing time at emission minus window end) and {@code
 * trigmon_nuisance_hat} per nuisance (label {@code nuisance}), each holding the latest window's
 * value.
 */
final class WindowMetrics {

  private final MetricGroup group;
  private final Map<String, Latest> byStream = new HashMap<>();

  WindowMetrics(MetricGroup group) {
    this.group = group;
  }

  void record(WindowResult result, long processingTimeMillis) {
    Latest latest = byStream.computeIfAbsent(result.stream(), this::register);
    latest.result = result;
    latest.latencySeconds = (processingTimeMillis - result.windowEndMillis()) / 1e3;
    result
        .nuHat()
        .forEach(
            (name, value) ->
                latest
                        .nuisances
                        .computeIfAbsent(
                            name,
                            n -> {
                              double[] cell = new double[1];
                              latest
                                  .streamGroup
                                  .addGroup("nuisance", n)
                                  .gauge("trigmon_nuisance_hat", (Gauge<Double>) () -> cell[0]);
                              return cell;
                            })[0] =
                    value);
  }

  private Latest register(String stream) {
    Latest latest = new Latest(group.addGroup("stream", stream));
    MetricGroup g = latest.streamGroup;
    g.gauge("trigmon_window_z", (Gauge<Double>) () -> orNaN(latest.result.z()));
    g.gauge("trigmon_window_t", (Gauge<Double>) () -> latest.result.t());
    g.gauge("trigmon_window_tau", (Gauge<Double>) () -> latest.result.tau());
    g.gauge("trigmon_window_delta", (Gauge<Double>) () -> latest.result.delta());
    g.gauge("trigmon_window_events", (Gauge<Integer>) () -> latest.result.nEvents());
    g.gauge("trigmon_window_latency_seconds", (Gauge<Double>) () -> latest.latencySeconds);
    return latest;
  }

  private static double orNaN(Double value) {
    return value == null ? Double.NaN : value;
  }

  private static final class Latest {
    final MetricGroup streamGroup;
    final Map<String, double[]> nuisances = new HashMap<>();
    WindowResult result;
    double latencySeconds;

    Latest(MetricGroup streamGroup) {
      this.streamGroup = streamGroup;
    }
  }
}
