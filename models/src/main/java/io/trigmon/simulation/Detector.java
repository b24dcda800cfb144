package io.trigmon.simulation;

import io.trigmon.event.ObjectType;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A simple trigger-level detector: smears each visible particle's pT with its resolution (leptons:
 * the {@link Regime}'s, jets: {@link #JET_RESOLUTION}) and draws the noise of the missing
 * transverse momentum. Directions are kept (angular resolution is negligible here). Coverage and
 * thresholds, which decide which objects are listed, are applied after the nuisance shifts by
 * {@link Candidate#measure}.
 */
final class Detector {

  /** Leptons are reconstructed above this pT (GeV), as in the 40 MHz challenge sample. */
  static final double LEPTON_PT_MIN = 3;

  /** Jets are reconstructed above this pT (GeV), as in the 40 MHz challenge sample. */
  static final double JET_PT_MIN = 15;

  /** Tracker coverage for electrons and muon-system coverage for muons. */
  static final double ELECTRON_ETA_MAX = 2.5;

  static final double MUON_ETA_MAX = 2.4;

  /** Jets are listed within the challenge sample's |η| &lt; 4. */
  static final double JET_ETA_MAX = 4.0;

  /** Calorimeter coverage: everything visible within it enters the missing-pT sum. */
  static final double CALORIMETER_ETA_MAX = 5.0;

  /** Jet response: 100 %/√E ⊕ 5 %, 10 % worse per unit |η|. */
  static final PtResolution JET_RESOLUTION = new PtResolution(0.05, 1.0, 0, 0.1, false);

  /** Noise of each MET component, GeV: √(2² + 0.6² ΣET). */
  static final double MET_NOISE_FLOOR = 2;

  static final double MET_NOISE_STOCHASTIC = 0.6;

  private final Regime regime;

  Detector(Regime regime) {
    this.regime = regime;
  }

  /**
   * The smeared, not yet shifted or thresholded, measurement of a collision; null for a collision
   * the generator already rejected.
   */
  Candidate measure(TruthEvent truth, RandomGenerator rng) {
    if (truth == null) {
      return null;
    }
    List<TruthParticle> visible = truth.visible();
    int n = visible.size();
    ObjectType[] types = new ObjectType[n];
    double[] pt = new double[n];
    double[] eta = new double[n];
    double[] phi = new double[n];
    for (int i = 0; i < n; i++) {
      TruthParticle particle = visible.get(i);
      FourVector p = particle.momentum();
      types[i] = particle.type();
      eta[i] = p.eta();
      phi[i] = p.phi();
      PtResolution resolution =
          particle.type() == ObjectType.JET ? JET_RESOLUTION : regime.resolution();
      double deviate = Double.isNaN(particle.deviate()) ? rng.nextGaussian() : particle.deviate();
      pt[i] = resolution.smear(p.pt(), eta[i], deviate);
    }
    double noiseX = rng.nextGaussian();
    double noiseY = rng.nextGaussian();
    return new Candidate(regime, types, pt, eta, phi, noiseX, noiseY);
  }
}
