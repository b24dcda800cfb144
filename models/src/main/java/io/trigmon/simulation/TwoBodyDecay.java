package io.trigmon.simulation;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Two-body decays in the parent's rest frame, boosted back to the lab: isotropic (top quarks, W
 * bosons in tt̄, scalars) or with the 1 + cos²θ* angular distribution of a spin-1 boson from qq̄
 * annihilation, θ* measured in the Collins–Soper frame (Phys. Rev. D 16 (1977) 2219) whose axis
 * bisects the two beam directions in the boson's rest frame.
 */
final class TwoBodyDecay {

  /** Beam energy of the 13 TeV collider, only its direction matters for the frame. */
  private static final double BEAM_ENERGY = DrellYanLineshape.SQRT_S / 2;

  private TwoBodyDecay() {}

  /** Daughters of masses m1, m2 emitted isotropically in the parent's rest frame. */
  static FourVector[] isotropic(FourVector parent, double m1, double m2, RandomGenerator rng) {
    double cos = 2 * rng.nextDouble() - 1;
    double phi = 2 * Math.PI * rng.nextDouble();
    return decay(parent, m1, m2, cos, phi, 0, 0, 1, 1, 0, 0);
  }

  /**
   * Two massless daughters with dN/dcosθ* ∝ 1 + cos²θ* in the Collins–Soper frame, φ* uniform. The
   * first daughter is the one emitted at θ*.
   */
  static FourVector[] collinsSoper(FourVector parent, RandomGenerator rng) {
    double cos = sampleOnePlusCosSquared(rng.nextDouble());
    double phi = 2 * Math.PI * rng.nextDouble();
    FourVector beam1 = new FourVector(0, 0, BEAM_ENERGY, BEAM_ENERGY).boostToRestOf(parent);
    FourVector beam2 = new FourVector(0, 0, -BEAM_ENERGY, BEAM_ENERGY).boostToRestOf(parent);
    double[] b1 = unit(beam1.px(), beam1.py(), beam1.pz());
    double[] b2 = unit(beam2.px(), beam2.py(), beam2.pz());
    double[] z = unit(b1[0] - b2[0], b1[1] - b2[1], b1[2] - b2[2]);
    double[] x = unit(b1[0] + b2[0], b1[1] + b2[1], b1[2] + b2[2]);
    if (x == null) {
      x = new double[] {1, 0, 0};
    }
    return decay(parent, 0, 0, cos, phi, z[0], z[1], z[2], x[0], x[1], x[2]);
  }

  /**
   * Inverse of the cumulative distribution of 1 + c² on [−1, 1]: the real root of c³ + 3c + 4 − 8u
   * = 0 (Cardano; the discriminant is positive, so there is exactly one).
   */
  static double sampleOnePlusCosSquared(double u) {
    double q = 4 - 8 * u;
    double root = Math.sqrt(q * q / 4 + 1);
    return Math.cbrt(-q / 2 + root) + Math.cbrt(-q / 2 - root);
  }

  private static FourVector[] decay(
      FourVector parent,
      double m1,
      double m2,
      double cos,
      double phi,
      double zx,
      double zy,
      double zz,
      double xx,
      double xy,
      double xz) {
    double mass = parent.mass();
    double p = momentum(mass, m1, m2);
    double sin = Math.sqrt(Math.max(0, 1 - cos * cos));
    // y = z × x completes the right-handed frame in which (θ*, φ*) are measured.
    double yx = zy * xz - zz * xy;
    double yy = zz * xx - zx * xz;
    double yz = zx * xy - zy * xx;
    double a = sin * Math.cos(phi);
    double b = sin * Math.sin(phi);
    double ux = a * xx + b * yx + cos * zx;
    double uy = a * xy + b * yy + cos * zy;
    double uz = a * xz + b * yz + cos * zz;
    FourVector first = FourVector.ofMomentum(p, ux, uy, uz, m1).boostFromRestOf(parent);
    FourVector second = FourVector.ofMomentum(p, -ux, -uy, -uz, m2).boostFromRestOf(parent);
    return new FourVector[] {first, second};
  }

  /** Momentum of either daughter in the parent's rest frame. */
  static double momentum(double mass, double m1, double m2) {
    double sum = mass * mass - (m1 + m2) * (m1 + m2);
    double diff = mass * mass - (m1 - m2) * (m1 - m2);
    return Math.sqrt(Math.max(0, sum * diff)) / (2 * mass);
  }

  private static double[] unit(double x, double y, double z) {
    double norm = Math.sqrt(x * x + y * y + z * z);
    if (norm < 1e-12) {
      return null;
    }
    return new double[] {x / norm, y / norm, z / norm};
  }
}
