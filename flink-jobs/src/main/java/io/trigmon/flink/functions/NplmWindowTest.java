package io.trigmon.flink.functions;

import io.trigmon.calibration.Calibration;
import io.trigmon.flink.MonitorMetrics;
import io.trigmon.flink.MonitorModels;
import io.trigmon.flink.MonitorSettings;
import io.trigmon.flink.WindowTimings;
import io.trigmon.flink.records.WindowResult;
import io.trigmon.flink.records.WindowSample;
import io.trigmon.nplm.NplmOptions;
import io.trigmon.nplm.NplmResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;

/**
 * Tests one window of one stream against the reference with the kernel NPLM test (DESIGN §4) and
 * gives its {@link WindowResult}. The models — reference, δ̂ nuisance model, calibration — are
 * loaded and the reference prepared once per task, in {@link #open(OpenContext)}.
 *
 * <p>With a δ̂ model the test is t = τ − Δ over its shape nuisances and the normalisation, with the
 * configured auxiliary values ν_A (0 unless set), and ν̂ of every nuisance is reported; p and Z
 * come from the calibration made with the same δ̂ model ({@link MonitorModels} refuses another).
 * N(R0) is the window's count from the luminosity topic when it has one, else the configured rate;
 * with neither, the test is shape-only with a free normalisation (DESIGN §6).
 *
 * <p>The result depends only on the window's events, never on their arrival order: they come in
 * canonical order ({@link CollectWindow}), and the test has no random element (its Nyström centres
 * are fixed by the reference model's seed). A replay at any speed therefore gives the same numbers,
 * bit for bit. A window without lepton pairs is reported with t = τ = Δ = 0, no ν̂, no p or Z.
 *
 * <p>It keeps no state; as a checkpoint listener it notes, for {@link WindowTimings}, which
 * checkpoint commits each result.
 */
public final class NplmWindowTest extends RichMapFunction<WindowSample, WindowResult>
    implements CheckpointedFunction, CheckpointListener {

  /** Autoencoder-score quantiles reported per window. */
  static final double[] AE_QUANTILES = {0.5, 0.9, 0.99};

  private final MonitorSettings settings;
  private transient MonitorModels models;
  private transient WindowTimings.Pending timings;

  public NplmWindowTest(MonitorSettings settings) {
    this.settings = settings;
  }

  @Override
  public void open(OpenContext context) {
    MonitorMetrics.serveOnce(getRuntimeContext().getGlobalJobParameters());
    models = MonitorModels.load(Path.of(settings.models()));
    timings = new WindowTimings.Pending();
    for (String name : settings.aux().keySet()) {
      if (!name.equals(NplmOptions.NORM) && !models.nplm().nuisanceNames().contains(name)) {
        throw new IllegalArgumentException(
            "aux: no nuisance '"
                + name
                + "' in the model directory (it has "
                + models.nplm().nuisanceNames()
                + " and norm)");
      }
    }
  }

  @Override
  public WindowResult map(WindowSample window) {
    long startMillis = System.currentTimeMillis();
    long start = System.nanoTime();
    Double expected = window.expected() != null ? window.expected() : settings.rateExpected();
    NplmOptions options = settings.nplmOptions(expected);
    WindowResult result =
        window.dileptons().length == 0 ? empty(window, options) : tested(window, options);
    long testNanos = System.nanoTime() - start;
    long now = System.currentTimeMillis();
    MonitorMetrics.window(result, Duration.ofMillis(now - window.windowEndMillis()));
    timings.emitted(
        window.stream(),
        window.windowStartMillis(),
        window.windowEndMillis(),
        startMillis,
        testNanos,
        now);
    return result;
  }

  /** No state: the checkpoint's barrier only marks which results its transaction holds. */
  @Override
  public void initializeState(FunctionInitializationContext context) {}

  @Override
  public void snapshotState(FunctionSnapshotContext context) {
    timings.barrier(context.getCheckpointId(), System.currentTimeMillis());
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) {
    timings.completed(checkpointId, System.currentTimeMillis());
  }

  private WindowResult tested(WindowSample window, NplmOptions options) {
    NplmResult nplm = models.nplm().test(window.dileptons(), options);
    Calibration calibration = models.calibration();
    Double p = calibration == null ? null : calibration.pValue(nplm.t());
    Double z = calibration == null ? null : calibration.z(nplm.t());
    return new WindowResult(
        window.stream(),
        WindowResult.windowId(window.stream(), window.windowStartMillis()),
        window.windowStartMillis(),
        window.windowEndMillis(),
        window.nEvents(),
        window.dileptons().length,
        options.expected(),
        nplm.t(),
        nplm.tau(),
        nplm.delta(),
        pulls(nplm.nuHatDelta(), options),
        pulls(nplm.nuHat(), options),
        p,
        z,
        aeQuantiles(window.aeScores()),
        nplm.excessM12(),
        models.versions());
  }

  /** ν̂ by nuisance, without the normalisation when it is free (shape-only: it is no pull). */
  private static Map<String, Double> pulls(Map<String, Double> nuHat, NplmOptions options) {
    if (options.expected() != null) {
      return nuHat;
    }
    Map<String, Double> shape = new LinkedHashMap<>(nuHat);
    shape.remove(NplmOptions.NORM);
    return shape;
  }

  private WindowResult empty(WindowSample window, NplmOptions options) {
    return new WindowResult(
        window.stream(),
        WindowResult.windowId(window.stream(), window.windowStartMillis()),
        window.windowStartMillis(),
        window.windowEndMillis(),
        window.nEvents(),
        0,
        options.expected(),
        0,
        0,
        0,
        Map.of(),
        Map.of(),
        null,
        null,
        aeQuantiles(window.aeScores()),
        null,
        models.versions());
  }

  /**
   * Quantiles of the finite autoencoder scores (type 7, linear interpolation); empty if none. Only
   * the order statistics the quantiles read are put in place ({@link OrderStatistics}), not the
   * whole window sorted: the same values.
   */
  static Map<String, Double> aeQuantiles(float[] aeScores) {
    double[] scores = new double[aeScores.length];
    int n = 0;
    for (float score : aeScores) {
      if (Float.isFinite(score)) {
        scores[n++] = score;
      }
    }
    Map<String, Double> quantiles = new LinkedHashMap<>();
    if (n == 0) {
      return quantiles;
    }
    scores = Arrays.copyOf(scores, n);
    int[] ranks = new int[2 * AE_QUANTILES.length];
    for (int i = 0; i < AE_QUANTILES.length; i++) {
      int lo = (int) Math.floor((n - 1) * AE_QUANTILES[i]);
      ranks[2 * i] = lo;
      ranks[2 * i + 1] = Math.min(lo + 1, n - 1);
    }
    Arrays.sort(ranks);
    OrderStatistics.select(scores, ranks);
    for (double q : AE_QUANTILES) {
      double h = (n - 1) * q;
      int lo = (int) Math.floor(h);
      int hi = Math.min(lo + 1, n - 1);
      double value = scores[lo] + (h - lo) * (scores[hi] - scores[lo]);
      quantiles.put("q" + Math.round(q * 100), value);
    }
    return quantiles;
  }
}
