package io.trigmon.nplm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of one NPLM test of a data window against the reference (DESIGN §4): τ, Δ and t = τ −
 * Δ, the fitted nuisances ν̂ (σ units) of the τ fit and of the Δ fit, and — once calibrated — the
 * χ² degrees of freedom, p-value and Z. Serialised with snake_case keys.
 *
 * @param t τ − Δ, the test statistic for what the nuisances cannot absorb
 * @param tau τ(D, A)
 * @param delta Δ(D, A)
 * @param nuHat ν̂ of the τ fit by nuisance name ({@code norm} for the normalisation)
 * @param nuHatDelta ν̂ of the Δ fit
 * @param dof χ² degrees of freedom of the calibration used, or null when uncalibrated
 * @param p p-value of t, or null when uncalibrated
 * @param z Z = Φ⁻¹(1 − p), or null when uncalibrated
 * @param nData N_D
 * @param nReference N_R
 * @param seconds wall time of the test (both fits)
 * @param iterations Newton iterations of the τ fit plus the Δ fit
 * @param method {@code kernel} or {@code nn}
 * @param excessM12 where the excess sits: the median invariant mass M12 of the data events with the
 *     largest fitted f (the top 1 %, at least 5), for five dilepton features; null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "t",
  "tau",
  "delta",
  "nu_hat",
  "nu_hat_delta",
  "dof",
  "p",
  "z",
  "n_data",
  "n_reference",
  "seconds",
  "iterations",
  "method",
  "excess_m12"
})
public record NplmResult(
    @JsonProperty("t") double t,
    @JsonProperty("tau") double tau,
    @JsonProperty("delta") double delta,
    @JsonProperty("nu_hat") Map<String, Double> nuHat,
    @JsonProperty("nu_hat_delta") Map<String, Double> nuHatDelta,
    @JsonProperty("dof") Double dof,
    @JsonProperty("p") Double p,
    @JsonProperty("z") Double z,
    @JsonProperty("n_data") int nData,
    @JsonProperty("n_reference") int nReference,
    @JsonProperty("seconds") double seconds,
    @JsonProperty("iterations") int iterations,
    @JsonProperty("method") String method,
    @JsonProperty("excess_m12") Double excessM12) {

  public NplmResult {
    nuHat = Collections.unmodifiableMap(new LinkedHashMap<>(nuHat));
    nuHatDelta = Collections.unmodifiableMap(new LinkedHashMap<>(nuHatDelta));
  }

  /** This result with the calibration's dof, p and Z. */
  public NplmResult calibrated(double dof, double p, double z) {
    return new NplmResult(
        t,
        tau,
        delta,
        nuHat,
        nuHatDelta,
        dof,
        p,
        z,
        nData,
        nReference,
        seconds,
        iterations,
        method,
        excessM12);
  }
}
