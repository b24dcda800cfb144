package io.trigmon.flink.records;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * The outcome of one window of one stream (DESIGN §1, §4, §6): the window's identity and bounds,
 * its counts, the NPLM statistics τ, Δ, t = τ − Δ with the fitted nuisances ν̂, the calibrated p
 * and Z, where in M12 the excess sits, the autoencoder-score quantiles of the window and the
 * versions of the models that produced it. One record per window on {@code monitor.results}, keyed
 * and identified by {@link #windowId()} so that a consumer can tell a window it has already seen.
 *
 * @param stream trigger stream key
 * @param windowId {@code stream@start} (start as ISO-8601 instant), unique per window
 * @param windowStartMillis window start, ms since the epoch (inclusive)
 * @param windowEndMillis window end, ms since the epoch (exclusive)
 * @param nEvents every valid event of the stream in the window
 * @param nData N_D, the events with a lepton pair that the NPLM test read
 * @param nExpected N(R0), the expected N_D from the configured rate; null when shape-only
 * @param t τ − Δ
 * @param tau τ(D, A)
 * @param delta Δ(D, A)
 * @param nuHat ν̂ of the Δ fit (σ units) by nuisance name: the nuisances' best fit with the
 *     reference shape alone (f = 0), the measurement of a calibration drift that metrics, alerts
 *     and the live page show; without an expected count the free normalisation is left out (it is
 *     no pull)
 * @param nuHatTau ν̂ of the τ fit (σ units), where f absorbs part of any shape change
 * @param p p-value of t; null without a calibration
 * @param z Z = Φ⁻¹(1 − p); null without a calibration
 * @param aeScoreQuantiles autoencoder-score quantiles ({@code q50}, {@code q90}, {@code q99});
 *     empty without an autoencoder
 * @param excessM12 median M12 (GeV) of the events where the fitted f is largest; null if unknown
 * @param modelVersions model kind → version of the models used
 */
@TypeInfo(WindowResultTypeInfoFactory.class)
public record WindowResult(
    String stream,
    String windowId,
    long windowStartMillis,
    long windowEndMillis,
    int nEvents,
    int nData,
    Double nExpected,
    double t,
    double tau,
    double delta,
    Map<String, Double> nuHat,
    Map<String, Double> nuHatTau,
    Double p,
    Double z,
    Map<String, Double> aeScoreQuantiles,
    Double excessM12,
    Map<String, String> modelVersions) {

  public WindowResult {
    nuHat = Collections.unmodifiableMap(new LinkedHashMap<>(nuHat));
    nuHatTau = Collections.unmodifiableMap(new LinkedHashMap<>(nuHatTau));
    aeScoreQuantiles = Collections.unmodifiableMap(new LinkedHashMap<>(aeScoreQuantiles));
    modelVersions = Collections.unmodifiableMap(new LinkedHashMap<>(modelVersions));
  }

  /** The id of a stream's window starting at {@code startMillis}: {@code stream@ISO-instant}. */
  public static String windowId(String stream, long startMillis) {
    return stream + "@" + Instant.ofEpochMilli(startMillis);
  }
}
