package io.trigmon.simulation;

import java.util.function.DoubleUnaryOperator;

/** Builds the truth-level generator of each process with the lineshapes a simulator needs. */
final class Generators {

  private final Regime regime;
  private final MigrationBound bound;
  private final double massMin;
  private final double zPrimeMass;
  private final double zPrimeWidth;
  private final double eftCoupling;
  private final SmMixture smMixture;

  Generators(
      Regime regime,
      MigrationBound bound,
      double massMin,
      double zPrimeMass,
      double zPrimeWidth,
      double eftCoupling,
      SmMixture smMixture) {
    this.regime = regime;
    this.bound = bound;
    this.massMin = massMin;
    this.zPrimeMass = zPrimeMass;
    this.zPrimeWidth = zPrimeWidth;
    this.eftCoupling = eftCoupling;
    this.smMixture = smMixture;
  }

  ProcessGenerator of(Process process) {
    return switch (process) {
      case DY ->
          new DileptonGenerator(
              thinned(
                  DrellYanLineshape::drellYan,
                  massMin,
                  Simulator.DILEPTON_MASS_MAX,
                  6000,
                  DrellYanLineshape.Z_WIDTH,
                  DrellYanLineshape.Z_MASS),
              regime.flavour(),
              bound);
      case ZPRIME -> new DileptonGenerator(zPrime(), regime.flavour(), bound);
      case EFT -> new DileptonGenerator(eftExcess(), regime.flavour(), bound);
      case SM -> new SmMixtureGenerator(smMixture, drellYan(Simulator.DILEPTON_MASS_MIN));
      case FOUR_LEPTON -> new FourLeptonGenerator();
      case LARGE_MET -> new LargeMetGenerator();
    };
  }

  static TabulatedDistribution drellYan(double lo) {
    return TabulatedDistribution.of(
        DrellYanLineshape::drellYan,
        lo,
        Simulator.DILEPTON_MASS_MAX,
        6000,
        DrellYanLineshape.Z_WIDTH,
        DrellYanLineshape.Z_MASS);
  }

  /**
   * A lineshape on [lo, hi], multiplied by the migration bound's mass weight when a mass cut lets
   * most masses below it be skipped ({@link MigrationBound#massWeight}).
   */
  private TabulatedDistribution thinned(
      DoubleUnaryOperator density, double lo, double hi, int nodes, double width, double peak) {
    DoubleUnaryOperator weighted =
        bound == null ? density : m -> density.applyAsDouble(m) * bound.massWeight(m);
    return TabulatedDistribution.of(weighted, lo, hi, nodes, width, peak);
  }

  /** The Z′ lineshape within ±10 widths of its mass (and above the generation threshold). */
  private TabulatedDistribution zPrime() {
    double lo = Math.max(massMin, zPrimeMass - 10 * zPrimeWidth);
    double hi = zPrimeMass + 10 * zPrimeWidth;
    if (lo >= hi) {
      throw new IllegalArgumentException(
          "Z′ at " + zPrimeMass + " GeV lies below the generation threshold " + massMin + " GeV");
    }
    return thinned(
        m -> DrellYanLineshape.resonance(m, zPrimeMass, zPrimeWidth),
        lo,
        hi,
        400,
        zPrimeWidth,
        zPrimeMass);
  }

  /** dσ_DY/dM · [(1 + c·M²)² − 1]: what the contact operator adds to Drell–Yan. */
  private TabulatedDistribution eftExcess() {
    return thinned(
        m -> DrellYanLineshape.drellYan(m) * (DrellYanLineshape.eftWeight(m, eftCoupling) - 1),
        massMin,
        Simulator.DILEPTON_MASS_MAX,
        6000,
        DrellYanLineshape.Z_WIDTH,
        DrellYanLineshape.Z_MASS);
  }
}
