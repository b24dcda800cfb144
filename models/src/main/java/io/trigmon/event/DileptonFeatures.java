package io.trigmon.event;

import java.util.List;
import java.util.Optional;

/**
 * The five NPLM inputs of the two-body benchmark (d'Agnolo et al., EPJC 82 (2022) 275): transverse
 * momenta and pseudorapidities of the two leading leptons and their azimuthal separation Δφ12 = φ1
 * − φ2 wrapped into [−π, π]. The invariant mass M12 is derived from them for plots and for locating
 * an excess; it is never a model input.
 */
public record DileptonFeatures(double pt1, double pt2, double eta1, double eta2, double dphi) {

  /** Number of model inputs. */
  public static final int DIMENSION = 5;

  /** Column names, in the order of {@link #toArray()} (the CSV header of 5D feature files). */
  public static final List<String> NAMES = List.of("pt1", "pt2", "eta1", "eta2", "dphi");

  /** The features of the two leading leptons (electrons and muons together), if there are two. */
  public static Optional<DileptonFeatures> of(Event event) {
    Particle[] leading = new Particle[2];
    offer(event.electrons(), leading);
    offer(event.muons(), leading);
    Particle first = leading[0];
    Particle second = leading[1];
    if (second == null) {
      return Optional.empty();
    }
    return Optional.of(
        new DileptonFeatures(
            first.pt(),
            second.pt(),
            first.eta(),
            second.eta(),
            wrap((double) first.phi() - second.phi())));
  }

  /**
   * Keeps in {@code leading} the first two of {@link Event#leptons()} (the stable sort of electrons
   * then muons by decreasing pT): a lepton goes before one already kept only if it sorts strictly
   * before it, so ties keep the earlier one. This runs once per event in the monitor, where sorting
   * a new list of all leptons for the first two cost ~2 % of its CPU (issue 8 profile).
   */
  private static void offer(List<Particle> leptons, Particle[] leading) {
    for (int i = 0; i < leptons.size(); i++) {
      Particle p = leptons.get(i);
      if (leading[0] == null || Event.BY_DECREASING_PT.compare(p, leading[0]) < 0) {
        leading[1] = leading[0];
        leading[0] = p;
      } else if (leading[1] == null || Event.BY_DECREASING_PT.compare(p, leading[1]) < 0) {
        leading[1] = p;
      }
    }
  }

  /** Features from an array in {@link #NAMES} order. */
  public static DileptonFeatures fromArray(double[] x) {
    if (x.length != DIMENSION) {
      throw new IllegalArgumentException("expected " + DIMENSION + " features, got " + x.length);
    }
    return new DileptonFeatures(x[0], x[1], x[2], x[3], x[4]);
  }

  public double[] toArray() {
    return new double[] {pt1, pt2, eta1, eta2, dphi};
  }

  /** Invariant mass of the massless pair: M² = 2 pT1 pT2 (cosh Δη − cos Δφ). */
  public double m12() {
    return m12(pt1, pt2, eta1, eta2, dphi);
  }

  /** Invariant mass of a massless pair from the five features. */
  public static double m12(double pt1, double pt2, double eta1, double eta2, double dphi) {
    double m2 = 2 * pt1 * pt2 * (Math.cosh(eta1 - eta2) - Math.cos(dphi));
    return Math.sqrt(Math.max(0, m2));
  }

  /** An angle wrapped into [−π, π]. */
  public static double wrap(double angle) {
    double wrapped = Math.IEEEremainder(angle, 2 * Math.PI);
    return wrapped == -Math.PI ? Math.PI : wrapped;
  }
}
