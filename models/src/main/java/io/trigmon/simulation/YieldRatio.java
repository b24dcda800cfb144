package io.trigmon.simulation;

/**
 * The expected number of selected events of a nuisance-shifted sample relative to the nominal one,
 * measured on the same collisions: each collision is selected once with nominal and once with
 * shifted momenta, so only the events that migrate across the cuts ({@code gained}, {@code lost})
 * make the ratio differ from one, and its statistical error is set by them alone. The normalisation
 * nuisance multiplies the ratio by exp(ν_N σ_N). This is the {@code YIELD} of the nuisance-training
 * samples ({@code FILE@YIELD}).
 *
 * @param collisions collisions generated
 * @param nominalSelected collisions selected with nominal momenta
 * @param shiftedSelected collisions selected with shifted momenta
 * @param gained selected only when shifted
 * @param lost selected only when nominal
 * @param normalisationFactor exp(ν_N σ_N)
 */
public record YieldRatio(
    long collisions,
    long nominalSelected,
    long shiftedSelected,
    long gained,
    long lost,
    double normalisationFactor) {

  /** Expected shifted yield over nominal yield, normalisation included. */
  public double ratio() {
    return (double) shiftedSelected / nominalSelected * normalisationFactor;
  }

  /**
   * Statistical error of {@link #ratio()}: √(gained + lost)/nominal (migrations are rare and
   * independent), times the normalisation factor.
   */
  public double error() {
    return Math.sqrt(gained + lost) / nominalSelected * normalisationFactor;
  }

  /**
   * Fraction of generated collisions selected with nominal momenta. Dilepton generators already
   * skip most collisions that cannot pass a mass cut, so this is an efficiency of the generator,
   * not a physical acceptance; only ratios at equal collisions are physical.
   */
  public double nominalEfficiency() {
    return (double) nominalSelected / collisions;
  }
}
