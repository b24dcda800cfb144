package io.trigmon.simulation;

/**
 * A four-momentum (GeV) with the few operations event generation needs: construction from (pT, y or
 * η, φ, m), sums and Lorentz boosts. Truth-level only; the event record keeps (pT, η, φ).
 */
record FourVector(double px, double py, double pz, double e) {

  static final FourVector ZERO = new FourVector(0, 0, 0, 0);

  /** A particle of mass {@code m} with transverse momentum, rapidity and azimuth. */
  static FourVector ofPtRapidityPhiMass(double pt, double y, double phi, double m) {
    double mt = Math.sqrt(pt * pt + m * m);
    return new FourVector(
        pt * Math.cos(phi), pt * Math.sin(phi), mt * Math.sinh(y), mt * Math.cosh(y));
  }

  /** A massless particle with transverse momentum, pseudorapidity and azimuth. */
  static FourVector ofPtEtaPhi(double pt, double eta, double phi) {
    return ofPtRapidityPhiMass(pt, eta, phi, 0);
  }

  /** A massive particle at rest with momentum {@code p} along the unit vector (ux, uy, uz). */
  static FourVector ofMomentum(double p, double ux, double uy, double uz, double m) {
    return new FourVector(p * ux, p * uy, p * uz, Math.sqrt(p * p + m * m));
  }

  FourVector plus(FourVector o) {
    return new FourVector(px + o.px, py + o.py, pz + o.pz, e + o.e);
  }

  double pt() {
    return Math.sqrt(px * px + py * py);
  }

  double p() {
    return Math.sqrt(px * px + py * py + pz * pz);
  }

  double phi() {
    return Math.atan2(py, px);
  }

  /** Pseudorapidity; ±20 for a particle along the beam. */
  double eta() {
    double pt = pt();
    if (pt == 0) {
      return pz >= 0 ? 20 : -20;
    }
    double x = Math.abs(pz / pt);
    double asinh = Math.log(x + Math.sqrt(x * x + 1));
    return pz >= 0 ? asinh : -asinh;
  }

  double mass() {
    double m2 = e * e - px * px - py * py - pz * pz;
    return m2 > 0 ? Math.sqrt(m2) : 0;
  }

  /** This four-momentum in a frame moving with velocity −β, i.e. boosted by +β. */
  FourVector boost(double bx, double by, double bz) {
    double b2 = bx * bx + by * by + bz * bz;
    if (b2 <= 0) {
      return this;
    }
    double gamma = 1 / Math.sqrt(1 - b2);
    double bp = bx * px + by * py + bz * pz;
    double gamma2 = (gamma - 1) / b2;
    double factor = gamma2 * bp + gamma * e;
    return new FourVector(px + factor * bx, py + factor * by, pz + factor * bz, gamma * (e + bp));
  }

  /**
   * This four-momentum boosted from the rest frame of {@code frame} to the frame where it moves.
   */
  FourVector boostFromRestOf(FourVector frame) {
    return boost(frame.px / frame.e, frame.py / frame.e, frame.pz / frame.e);
  }

  /** This four-momentum seen in the rest frame of {@code frame}. */
  FourVector boostToRestOf(FourVector frame) {
    return boost(-frame.px / frame.e, -frame.py / frame.e, -frame.pz / frame.e);
  }
}
