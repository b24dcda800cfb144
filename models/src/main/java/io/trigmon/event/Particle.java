package io.trigmon.event;

/**
 * A reconstructed object (electron, muon, jet) or the missing transverse momentum, as the trigger
 * sees it: transverse momentum in GeV, pseudorapidity and azimuth in radians. Stored as floats, the
 * precision of the wire format, so that a decoded event equals the encoded one.
 *
 * <p>Objects are treated as massless: at trigger level the masses of leptons and of jets are not
 * measured, and the NPLM features only use momenta.
 */
public record Particle(float pt, float eta, float phi) {

  /** The missing transverse momentum: a transverse vector, so η is zero by convention. */
  public static Particle met(double pt, double phi) {
    return new Particle((float) pt, 0f, (float) phi);
  }

  public static Particle of(double pt, double eta, double phi) {
    return new Particle((float) pt, (float) eta, (float) phi);
  }

  public double px() {
    return pt * Math.cos(phi);
  }

  public double py() {
    return pt * Math.sin(phi);
  }

  public double pz() {
    return pt * Math.sinh(eta);
  }

  /** Energy of the massless object, |p|. */
  public double energy() {
    return pt * Math.cosh(eta);
  }

  /** The same direction with another transverse momentum (momentum-scale shifts). */
  public Particle withPt(double newPt) {
    return new Particle((float) newPt, eta, phi);
  }
}
