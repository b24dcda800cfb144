package io.trigmon.autoencoder;

/**
 * How much the SM score distribution moves when one nuisance is shifted by {@code sigmas} σ,
 * compared with the nominal (ν = 0) distribution of the same events.
 *
 * @param nuisance name of the shifted nuisance
 * @param sigmas the shift, in σ (±1 in the report)
 * @param ksDistance Kolmogorov–Smirnov distance sup|F_shifted − F_nominal|
 * @param relativeMeanShift mean(shifted) / mean(nominal) − 1
 * @param fprAtNominalCut fraction of shifted SM events above the nominal 99th-percentile score
 *     (0.01 without a shift): the false-alarm rate a ±1σ miscalibration causes at that cut
 * @param fprAtTightCut the same at the nominal 99.9th percentile (0.001 without a shift)
 */
public record ShiftEffect(
    String nuisance,
    double sigmas,
    double ksDistance,
    double relativeMeanShift,
    double fprAtNominalCut,
    double fprAtTightCut) {}
