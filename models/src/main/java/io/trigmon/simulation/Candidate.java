package io.trigmon.simulation;

import io.trigmon.event.Event;
import io.trigmon.event.ObjectType;
import io.trigmon.event.Particle;
import java.util.ArrayList;
import java.util.List;

/**
 * One collision as the detector measured it, before nuisance shifts and thresholds: so the same
 * measurement can be shifted in several ways (nominal and shifted selection efficiencies from the
 * same collisions).
 */
final class Candidate {

  private final Regime regime;
  private final ObjectType[] types;
  private final double[] pt;
  private final double[] eta;
  private final double[] phi;
  private final double noiseX;
  private final double noiseY;

  Candidate(
      Regime regime,
      ObjectType[] types,
      double[] pt,
      double[] eta,
      double[] phi,
      double noiseX,
      double noiseY) {
    this.regime = regime;
    this.types = types;
    this.pt = pt;
    this.eta = eta;
    this.phi = phi;
    this.noiseX = noiseX;
    this.noiseY = noiseY;
  }

  /**
   * The listed objects after shifting momenta by the nuisances and applying coverage and
   * thresholds; the missing transverse momentum is minus the vector sum of everything visible in
   * the calorimeter's coverage (listed or not), shifted, plus noise.
   */
  MeasuredObjects measure(NuisanceShifts shifts) {
    List<Particle> electrons = new ArrayList<>(2);
    List<Particle> muons = new ArrayList<>(2);
    List<Particle> jets = new ArrayList<>(4);
    double jetFactor = shifts.jetScaleFactor();
    double sumX = 0;
    double sumY = 0;
    double sumEt = 0;
    for (int i = 0; i < types.length; i++) {
      ObjectType type = types[i];
      double factor = type == ObjectType.JET ? jetFactor : shifts.leptonScaleFactor(regime, eta[i]);
      double shifted = pt[i] * factor;
      double absEta = Math.abs(eta[i]);
      if (absEta < Detector.CALORIMETER_ETA_MAX) {
        sumX += shifted * Math.cos(phi[i]);
        sumY += shifted * Math.sin(phi[i]);
        sumEt += shifted;
      }
      Particle particle = Particle.of(shifted, eta[i], phi[i]);
      switch (type) {
        case ELECTRON -> {
          if (shifted > Detector.LEPTON_PT_MIN && absEta < Detector.ELECTRON_ETA_MAX) {
            electrons.add(particle);
          }
        }
        case MUON -> {
          if (shifted > Detector.LEPTON_PT_MIN && absEta < Detector.MUON_ETA_MAX) {
            muons.add(particle);
          }
        }
        case JET -> {
          if (shifted > Detector.JET_PT_MIN && absEta < Detector.JET_ETA_MAX) {
            jets.add(particle);
          }
        }
        case MET -> throw new IllegalStateException("MET is not a generated particle");
      }
    }
    double sigma =
        Math.sqrt(
            Detector.MET_NOISE_FLOOR * Detector.MET_NOISE_FLOOR
                + Detector.MET_NOISE_STOCHASTIC * Detector.MET_NOISE_STOCHASTIC * sumEt);
    double metX = -sumX + sigma * noiseX;
    double metY = -sumY + sigma * noiseY;
    electrons.sort(Event.BY_DECREASING_PT);
    muons.sort(Event.BY_DECREASING_PT);
    jets.sort(Event.BY_DECREASING_PT);
    return new MeasuredObjects(
        Particle.met(Math.sqrt(metX * metX + metY * metY), Math.atan2(metY, metX)),
        electrons,
        muons,
        jets);
  }
}
