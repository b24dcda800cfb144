package io.trigmon.nuisance;

/**
 * A sample of the reference process drawn with one shape nuisance shifted: S1(ν) ~ R_ν.
 *
 * @param nuisance name of the shifted nuisance
 * @param nu the shift in units of the nuisance's σ
 * @param features raw feature rows (N × d)
 * @param yieldRatio expected event count at this shift relative to the nominal sample (1 when the
 *     shift does not change the rate), so that the learned ratio carries rate changes too
 */
public record VariedSample(String nuisance, double nu, double[][] features, double yieldRatio) {

  public VariedSample {
    if (nuisance == null || nuisance.isBlank()) {
      throw new IllegalArgumentException("a varied sample needs a nuisance name");
    }
    if (!Double.isFinite(nu) || nu == 0) {
      throw new IllegalArgumentException(
          "varied sample of " + nuisance + ": ν must be finite and non-zero, got " + nu);
    }
    if (!(yieldRatio > 0) || !Double.isFinite(yieldRatio)) {
      throw new IllegalArgumentException(
          "varied sample of "
              + nuisance
              + " at ν="
              + nu
              + ": yield must be positive, got "
              + yieldRatio);
    }
    if (features.length == 0) {
      throw new IllegalArgumentException(
          "varied sample of " + nuisance + " at ν=" + nu + " has no events");
    }
  }
}
