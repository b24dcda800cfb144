package io.trigmon.simulation;

import java.util.Locale;

/**
 * Values of the nuisance parameters a sample is generated at, each in units of its own σ (ν = +1 is
 * a one-standard-deviation shift), as in DESIGN §3 and §4.
 *
 * <ul>
 *   <li>{@code scale-barrel}, {@code scale-endcap}: lepton momentum scale, pT → pT·exp(ν σ) with σ
 *       from the {@link Regime} for leptons with |η| &lt; {@value #BARREL_ETA} and beyond.
 *   <li>{@code jes}: jet energy scale, pT → pT·exp(ν σ) for every jet, σ = {@value
 *       #JET_ENERGY_SCALE_SIGMA} (3 %, a typical trigger-level jet calibration uncertainty).
 *   <li>{@code norm}: global normalisation, σ = {@value #NORMALISATION_SIGMA} (2.5 %, the
 *       luminosity uncertainty). It changes how many events are expected, not their shape: the
 *       generator cannot change a count it is asked for, so callers multiply the expected yield by
 *       {@link #yieldFactor()} (also folded into {@link YieldRatio#ratio()}).
 * </ul>
 *
 * <p>Scale shifts are applied to the measured objects before the selection, so they move events
 * across the cuts; the missing transverse momentum is recomputed from the shifted objects.
 *
 * @param scaleBarrel lepton momentum scale in the barrel, in σ
 * @param scaleEndcap lepton momentum scale in the endcaps, in σ
 * @param jetEnergyScale jet energy scale, in σ
 * @param normalisation global normalisation, in σ
 */
public record NuisanceShifts(
    double scaleBarrel, double scaleEndcap, double jetEnergyScale, double normalisation) {

  /** Boundary between barrel and endcaps in |η|. */
  public static final double BARREL_ETA = 1.2;

  /** Relative jet energy scale uncertainty (1σ). */
  public static final double JET_ENERGY_SCALE_SIGMA = 0.03;

  /** Relative normalisation uncertainty (1σ). */
  public static final double NORMALISATION_SIGMA = 0.025;

  /**
   * Largest |ν| accepted for the momentum-scale nuisances: the generator starts the mass spectrum
   * low enough for events shifted this far to migrate across the mass cut correctly.
   */
  public static final double MAX_SCALE_SIGMAS = 5;

  /** All nuisances at their nominal values. */
  public static final NuisanceShifts NOMINAL = new NuisanceShifts(0, 0, 0, 0);

  public NuisanceShifts {
    check("scale-barrel", scaleBarrel);
    check("scale-endcap", scaleEndcap);
    check("jes", jetEnergyScale);
    if (!Double.isFinite(normalisation)) {
      throw new IllegalArgumentException("nuisance norm must be finite, got " + normalisation);
    }
  }

  private static void check(String name, double value) {
    if (!(Math.abs(value) <= MAX_SCALE_SIGMAS)) {
      throw new IllegalArgumentException(
          "nuisance " + name + " must be within ±" + MAX_SCALE_SIGMAS + " σ, got " + value);
    }
  }

  /** Both lepton scales shifted together by ν σ (each with its own σ). */
  public static NuisanceShifts leptonScale(double nu) {
    return new NuisanceShifts(nu, nu, 0, 0);
  }

  public NuisanceShifts withScaleBarrel(double nu) {
    return new NuisanceShifts(nu, scaleEndcap, jetEnergyScale, normalisation);
  }

  public NuisanceShifts withScaleEndcap(double nu) {
    return new NuisanceShifts(scaleBarrel, nu, jetEnergyScale, normalisation);
  }

  public NuisanceShifts withJetEnergyScale(double nu) {
    return new NuisanceShifts(scaleBarrel, scaleEndcap, nu, normalisation);
  }

  public NuisanceShifts withNormalisation(double nu) {
    return new NuisanceShifts(scaleBarrel, scaleEndcap, jetEnergyScale, nu);
  }

  /**
   * Parses {@code name=value} pairs separated by commas, e.g. {@code scale-barrel=1,jes=-0.5};
   * names are {@code scale-barrel}, {@code scale-endcap}, {@code scale} (both lepton scales),
   * {@code jes} and {@code norm}; values are in σ. Unnamed nuisances stay nominal.
   */
  public static NuisanceShifts parse(String text) {
    NuisanceShifts shifts = NOMINAL;
    if (text == null || text.isBlank()) {
      return shifts;
    }
    for (String pair : text.split(",")) {
      String[] parts = pair.split("=", 2);
      if (parts.length != 2) {
        throw new IllegalArgumentException(
            "nuisance shift '" + pair.trim() + "' is not name=value (value in σ)");
      }
      String name = parts[0].trim().toLowerCase(Locale.ROOT);
      double nu = parseValue(name, parts[1].trim());
      shifts =
          switch (name) {
            case "scale-barrel" -> shifts.withScaleBarrel(nu);
            case "scale-endcap" -> shifts.withScaleEndcap(nu);
            case "scale" -> shifts.withScaleBarrel(nu).withScaleEndcap(nu);
            case "jes" -> shifts.withJetEnergyScale(nu);
            case "norm" -> shifts.withNormalisation(nu);
            default ->
                throw new IllegalArgumentException(
                    "unknown nuisance '"
                        + name
                        + "' (expected scale-barrel, scale-endcap, scale, jes, norm)");
          };
    }
    return shifts;
  }

  private static double parseValue(String name, String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "nuisance " + name + " needs a number of σ, got '" + value + "'", e);
    }
  }

  /** The factor a lepton's pT is multiplied by in this regime at this pseudorapidity. */
  public double leptonScaleFactor(Regime regime, double eta) {
    boolean barrel = Math.abs(eta) < BARREL_ETA;
    double nu = barrel ? scaleBarrel : scaleEndcap;
    return nu == 0 ? 1 : Math.exp(nu * regime.scaleSigma(eta));
  }

  /** The factor every jet's pT is multiplied by. */
  public double jetScaleFactor() {
    return jetEnergyScale == 0 ? 1 : Math.exp(jetEnergyScale * JET_ENERGY_SCALE_SIGMA);
  }

  /** The factor the expected number of events is multiplied by, exp(ν_N σ_N). */
  public double yieldFactor() {
    return Math.exp(normalisation * NORMALISATION_SIGMA);
  }

  /** Whether any shape-changing nuisance (scales, jes) is shifted. */
  public boolean shiftsShapes() {
    return scaleBarrel != 0 || scaleEndcap != 0 || jetEnergyScale != 0;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "scale-barrel=%s,scale-endcap=%s,jes=%s,norm=%s",
        scaleBarrel,
        scaleEndcap,
        jetEnergyScale,
        normalisation);
  }
}
