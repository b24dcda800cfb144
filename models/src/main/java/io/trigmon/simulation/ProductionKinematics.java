package io.trigmon.simulation;

import io.trigmon.event.ObjectType;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Draws shared by the process generators: the transverse momentum and rapidity of a produced
 * system, power-law spectra, small Poisson multiplicities, and the jets that balance a system's
 * transverse momentum (initial-state radiation).
 */
final class ProductionKinematics {

  /** Largest |η| of a generated jet: the forward calorimeter's reach. */
  static final double JET_ETA_LIMIT = 4.7;

  private ProductionKinematics() {}

  /**
   * Transverse momentum of a produced system from dN/dpT ∝ pT / (pT² + p0²)^a: rising linearly at
   * small pT, a peak near p0/√(2a−1) and a power-law tail pT^(1−2a). Inverse CDF: F = 1 − (1 +
   * pT²/p0²)^(1−a).
   */
  static double systemPt(RandomGenerator rng, double p0, double a) {
    double u = 1 - rng.nextDouble();
    return p0 * Math.sqrt(Math.pow(u, 1 / (1 - a)) - 1);
  }

  /** A Gaussian rapidity of width sigma, redrawn until |y| &lt; yMax. */
  static double rapidity(RandomGenerator rng, double sigma, double yMax) {
    double y;
    do {
      y = sigma * rng.nextGaussian();
    } while (Math.abs(y) >= yMax);
    return y;
  }

  /** Kinematic rapidity limit of a system of transverse mass mt at 13 TeV. */
  static double rapidityLimit(double mt) {
    return Math.log(DrellYanLineshape.SQRT_S / mt);
  }

  static double phi(RandomGenerator rng) {
    return Math.PI * (2 * rng.nextDouble() - 1);
  }

  /** x ≥ min from dN/dx ∝ x^−index (index &gt; 1). */
  static double powerLaw(RandomGenerator rng, double min, double index) {
    double u = 1 - rng.nextDouble();
    return min * Math.pow(u, -1 / (index - 1));
  }

  /** A Poisson count for a small mean (Knuth's product of uniforms). */
  static int poisson(RandomGenerator rng, double mean) {
    double limit = Math.exp(-mean);
    double product = rng.nextDouble();
    int k = 0;
    while (product > limit) {
      product *= rng.nextDouble();
      k++;
    }
    return k;
  }

  /**
   * Adds one or two jets (two with probability 35 %) whose transverse momenta sum to (px, py),
   * spread in η like initial-state radiation. Soft ones fall below the jet threshold and only enter
   * the missing transverse momentum, as unclustered energy does.
   */
  static void addRecoilJets(List<TruthParticle> out, double px, double py, RandomGenerator rng) {
    double pt = Math.sqrt(px * px + py * py);
    double phi = Math.atan2(py, px);
    boolean split = rng.nextDouble() < 0.35;
    double eta1 = rapidity(rng, 2.0, JET_ETA_LIMIT);
    double eta2 = rapidity(rng, 2.0, JET_ETA_LIMIT);
    double share = 0.2 + 0.6 * rng.nextDouble();
    double turn = 0.6 * rng.nextGaussian();
    if (!split) {
      out.add(jet(pt, eta1, phi));
      return;
    }
    double firstPx = share * pt * Math.cos(phi + turn);
    double firstPy = share * pt * Math.sin(phi + turn);
    out.add(
        jet(Math.sqrt(firstPx * firstPx + firstPy * firstPy), eta1, Math.atan2(firstPy, firstPx)));
    double restPx = px - firstPx;
    double restPy = py - firstPy;
    out.add(jet(Math.sqrt(restPx * restPx + restPy * restPy), eta2, Math.atan2(restPy, restPx)));
  }

  static TruthParticle jet(double pt, double eta, double phi) {
    return new TruthParticle(ObjectType.JET, FourVector.ofPtEtaPhi(pt, eta, phi));
  }
}
