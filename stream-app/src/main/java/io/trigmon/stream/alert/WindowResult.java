package io.trigmon.stream.alert;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * One window's test result as published on {@code monitor.results} (DESIGN §4, §6): the JSON the
 * Flink job writes, one object per record, keyed by stream. Unknown fields are ignored, so the
 * producer may add fields. The Flink job ({@code WindowResultSerializationSchema}) writes {@code
 * null} for p and Z without a calibration: they read as NaN here (never as Z = 0), and an absent
 * {@code n_expected} or {@code excess_m12} reads as null.
 *
 * <pre>{@code
 * {"stream": "dimuon", "window_id": "dimuon:370293:112", "window_start": 1763884800000,
 *  "window_end": 1763884823310, "n_data": 2013, "t": 41.2, "tau": 45.0, "delta": 3.8,
 *  "nu_hat": {"scale_barrel": 0.4, "norm": -0.2}, "nu_aux": {}, "nu_sigma": {},
 *  "p": 0.0012, "z": 3.03, "n_events": 2100, "n_expected": 1990.0,
 *  "ae_score_quantiles": {"q50": 0.8, "q90": 2.1, "q99": 5.3}, "excess_m12": 301.5}
 * }</pre>
 *
 * @param stream stream key
 * @param windowId unique id of the window (a result is reported once per id)
 * @param windowStart window start, ms since the epoch (event time)
 * @param windowEnd window end, ms since the epoch (event time)
 * @param nData events in the window
 * @param t the test statistic t = τ − Δ
 * @param tau τ(D, A)
 * @param delta Δ(D, A)
 * @param nuHat fitted nuisances ν̂, by name, in the units of their σ
 * @param nuAux auxiliary measurements ν_A by name (absent: 0)
 * @param nuSigma constraints σ by name, in the same units (absent: 1)
 * @param p p-value of t; NaN without a calibration
 * @param z significance Z = Φ⁻¹(1 − p); NaN without a calibration
 * @param nEvents every valid event of the stream in the window (0 when not given)
 * @param nExpected N(R0), the expected N_D; null when the test is shape-only
 * @param aeScoreQuantiles autoencoder-score quantiles by name ({@code q50}, {@code q90}, ...)
 * @param excessM12 median M12 (GeV) where the fitted excess is largest; null if unknown
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WindowResult(
    @JsonProperty("stream") String stream,
    @JsonProperty("window_id") String windowId,
    @JsonProperty("window_start") long windowStart,
    @JsonProperty("window_end") long windowEnd,
    @JsonProperty("n_data") long nData,
    @JsonProperty("t") double t,
    @JsonProperty("tau") double tau,
    @JsonProperty("delta") double delta,
    @JsonProperty("nu_hat") Map<String, Double> nuHat,
    @JsonProperty("nu_aux") Map<String, Double> nuAux,
    @JsonProperty("nu_sigma") Map<String, Double> nuSigma,
    @JsonProperty("p") @JsonDeserialize(using = NullAsNaN.class) double p,
    @JsonProperty("z") @JsonDeserialize(using = NullAsNaN.class) double z,
    @JsonProperty("n_events") long nEvents,
    @JsonProperty("n_expected") Double nExpected,
    @JsonProperty("ae_score_quantiles") Map<String, Double> aeScoreQuantiles,
    @JsonProperty("excess_m12") Double excessM12) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public WindowResult {
    nuHat = nuHat == null ? Map.of() : Map.copyOf(nuHat);
    nuAux = nuAux == null ? Map.of() : Map.copyOf(nuAux);
    nuSigma = nuSigma == null ? Map.of() : Map.copyOf(nuSigma);
    aeScoreQuantiles = aeScoreQuantiles == null ? Map.of() : Map.copyOf(aeScoreQuantiles);
  }

  /** A result with only the fields the alert hooks read. */
  public WindowResult(
      String stream,
      String windowId,
      long windowStart,
      long windowEnd,
      long nData,
      double t,
      double tau,
      double delta,
      Map<String, Double> nuHat,
      Map<String, Double> nuAux,
      Map<String, Double> nuSigma,
      double p,
      double z) {
    this(
        stream,
        windowId,
        windowStart,
        windowEnd,
        nData,
        t,
        tau,
        delta,
        nuHat,
        nuAux,
        nuSigma,
        p,
        z,
        0,
        null,
        null,
        null);
  }

  /** Whether the result carries a calibrated p and Z. */
  public boolean calibrated() {
    return !Double.isNaN(z);
  }

  /** Parses the JSON form. */
  public static WindowResult fromJson(String json) throws IOException {
    WindowResult r = JSON.readValue(json, WindowResult.class);
    if (r.stream() == null || r.windowId() == null) {
      throw new IOException("window result without stream or window_id");
    }
    return r;
  }

  /** The JSON form. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The largest pull |ν̂ − ν_A| / σ over the nuisances, with its nuisance name; empty name and 0
   * when there are none.
   */
  public Map.Entry<String, Double> largestPull() {
    String name = "";
    double largest = 0;
    for (Map.Entry<String, Double> e : nuHat.entrySet()) {
      double sigma = nuSigma.getOrDefault(e.getKey(), 1.0);
      double pull = Math.abs(e.getValue() - nuAux.getOrDefault(e.getKey(), 0.0)) / sigma;
      if (pull > largest || (Double.isNaN(pull) && name.isEmpty())) {
        largest = pull;
        name = e.getKey();
      }
    }
    return Map.entry(name, largest);
  }

  /** Reads a JSON number, and null or an absent value as NaN ("not computed", never 0). */
  static final class NullAsNaN extends StdDeserializer<Double> {
    private static final long serialVersionUID = 1L;

    NullAsNaN() {
      super(Double.class);
    }

    @Override
    public Double deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      return parser.getValueAsDouble(Double.NaN);
    }

    @Override
    public Double getNullValue(DeserializationContext context) {
      return Double.NaN;
    }
  }
}
