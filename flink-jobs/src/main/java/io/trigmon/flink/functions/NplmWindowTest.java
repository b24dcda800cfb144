package io.trigmon.flink.functions;

import io.trigmon.calibration.Calibration;
import io.trigmon.flink.MonitorMetrics;
import io.trigmon.flink.MonitorModels;
import io.trigmon.flink.MonitorSettings;
import io.trigmon.flink.records.ScoredEvent;
import io.trigmon.flink.records.WindowResult;
import io.trigmon.nplm.NplmOptions;
import io.trigmon.nplm.NplmResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Tests one window of one stream against the reference with the kernel NPLM test (DESIGN §4) and
 * emits its {@link WindowResult}. The models are loaded and the reference prepared once per task,
 * in {@link #open(OpenContext)}.
 *
 * <p>The result depends only on the window's events, never on their arrival order: the events are
 * sorted (event time, then features) before the test, and the test itself has no random element
 * (its Nyström centres are fixed by the reference model's seed). A replay at any speed, with any
 * interleaving within the out-of-orderness, therefore gives the same numbers, bit for bit.
 *
 * <p>A window without lepton pairs is reported with t = τ = Δ = 0, no ν̂, and no p or Z.
 */
public final class NplmWindowTest
    extends ProcessWindowFunction<ScoredEvent, WindowResult, String, TimeWindow> {

  /** Autoencoder-score quantiles reported per window. */
  static final double[] AE_QUANTILES = {0.5, 0.9, 0.99};

  private static final Comparator<ScoredEvent> CANONICAL_ORDER =
      Comparator.comparingLong(ScoredEvent::eventTimeNanos)
          .thenComparing(ScoredEvent::dilepton, Arrays::compare)
          .thenComparingDouble(ScoredEvent::aeScore);

  private final MonitorSettings settings;
  private transient MonitorModels models;

  public NplmWindowTest(MonitorSettings settings) {
    this.settings = settings;
  }

  @Override
  public void open(OpenContext context) {
    models = MonitorModels.load(Path.of(settings.models()));
  }

  @Override
  public void process(
      String stream, Context context, Iterable<ScoredEvent> elements, Collector<WindowResult> out) {
    List<ScoredEvent> events = new ArrayList<>();
    elements.forEach(events::add);
    events.sort(CANONICAL_ORDER);
    double[][] window =
        events.stream()
            .filter(ScoredEvent::hasDilepton)
            .map(ScoredEvent::dilepton)
            .toArray(double[][]::new);
    NplmOptions options = settings.nplmOptions();
    TimeWindow bounds = context.window();
    WindowResult result =
        window.length == 0
            ? empty(stream, bounds, events.size(), options)
            : tested(stream, bounds, events, window, options);
    MonitorMetrics.window(
        result, Duration.ofMillis(context.currentProcessingTime() - bounds.getEnd()));
    out.collect(result);
  }

  private WindowResult tested(
      String stream,
      TimeWindow bounds,
      List<ScoredEvent> events,
      double[][] window,
      NplmOptions options) {
    NplmResult nplm = models.nplm().test(window, options);
    Calibration calibration = models.calibration();
    Double p = calibration == null ? null : calibration.pValue(nplm.t());
    Double z = calibration == null ? null : calibration.z(nplm.t());
    return new WindowResult(
        stream,
        WindowResult.windowId(stream, bounds.getStart()),
        bounds.getStart(),
        bounds.getEnd(),
        events.size(),
        window.length,
        options.expected(),
        nplm.t(),
        nplm.tau(),
        nplm.delta(),
        nplm.nuHat(),
        p,
        z,
        aeQuantiles(events),
        nplm.excessM12(),
        models.versions());
  }

  private WindowResult empty(String stream, TimeWindow bounds, int nEvents, NplmOptions options) {
    return new WindowResult(
        stream,
        WindowResult.windowId(stream, bounds.getStart()),
        bounds.getStart(),
        bounds.getEnd(),
        nEvents,
        0,
        options.expected(),
        0,
        0,
        0,
        Map.of(),
        null,
        null,
        Map.of(),
        null,
        models.versions());
  }

  /** Quantiles of the finite autoencoder scores (type 7, linear interpolation); empty if none. */
  static Map<String, Double> aeQuantiles(List<ScoredEvent> events) {
    double[] scores =
        events.stream()
            .mapToDouble(ScoredEvent::aeScore)
            .filter(Double::isFinite)
            .sorted()
            .toArray();
    Map<String, Double> quantiles = new LinkedHashMap<>();
    if (scores.length == 0) {
      return quantiles;
    }
    for (double q : AE_QUANTILES) {
      double h = (scores.length - 1) * q;
      int lo = (int) Math.floor(h);
      int hi = Math.min(lo + 1, scores.length - 1);
      double value = scores[lo] + (h - lo) * (scores[hi] - scores[lo]);
      quantiles.put("q" + Math.round(q * 100), value);
    }
    return quantiles;
  }
}
