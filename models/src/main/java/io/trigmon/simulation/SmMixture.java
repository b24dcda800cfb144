package io.trigmon.simulation;

import java.util.Locale;

/**
 * Fractions of the Standard Model processes in the trigger-level stream ({@code sm}). The default
 * is dominated by QCD multijet events, as any inclusive trigger is: 75 % QCD, 18 % W+jets, 5 %
 * Z→ℓℓ+jets, 2 % tt̄. (The public 40 MHz challenge sample, filtered on a lepton, is instead 59 % W,
 * 34 % QCD, 7 % Z, 0.3 % tt̄: {@code w=0.59,qcd=0.34,z=0.067,tt=0.003}.) Fractions are normalised
 * to sum to one.
 *
 * @param qcd QCD multijet
 * @param wJets W → ℓν + jets
 * @param zJets Z/γ* → ℓℓ + jets
 * @param topPair tt̄
 */
public record SmMixture(double qcd, double wJets, double zJets, double topPair) {

  public static final SmMixture DEFAULT = new SmMixture(0.75, 0.18, 0.05, 0.02);

  public SmMixture {
    double sum = qcd + wJets + zJets + topPair;
    if (!(qcd >= 0 && wJets >= 0 && zJets >= 0 && topPair >= 0) || !(sum > 0)) {
      throw new IllegalArgumentException(
          "SM fractions must be >= 0 with a positive sum, got qcd="
              + qcd
              + ", w="
              + wJets
              + ", z="
              + zJets
              + ", tt="
              + topPair);
    }
    qcd /= sum;
    wJets /= sum;
    zJets /= sum;
    topPair /= sum;
  }

  /**
   * Parses {@code qcd=0.7,w=0.2,z=0.05,tt=0.05}; unnamed processes get 0, so name every process
   * wanted. Values are normalised.
   */
  public static SmMixture parse(String text) {
    double[] f = new double[4];
    for (String pair : text.split(",")) {
      String[] parts = pair.split("=", 2);
      if (parts.length != 2) {
        throw new IllegalArgumentException("SM fraction '" + pair.trim() + "' is not name=value");
      }
      String name = parts[0].trim().toLowerCase(Locale.ROOT);
      int index =
          switch (name) {
            case "qcd" -> 0;
            case "w" -> 1;
            case "z" -> 2;
            case "tt" -> 3;
            default ->
                throw new IllegalArgumentException(
                    "unknown SM process '" + name + "' (expected qcd, w, z, tt)");
          };
      try {
        f[index] = Double.parseDouble(parts[1].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("SM fraction " + name + " is not a number", e);
      }
    }
    return new SmMixture(f[0], f[1], f[2], f[3]);
  }
}
