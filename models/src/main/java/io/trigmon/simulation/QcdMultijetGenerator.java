package io.trigmon.simulation;

import io.trigmon.event.ObjectType;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * QCD 2 → 2 scattering as the trigger sees it: two back-to-back partons with a power-law pT
 * spectrum dN/dpT ∝ pT^−{@value #PT_INDEX} above {@value #PT_MIN} GeV and independent Gaussian
 * rapidities, extra radiated jets (Poisson, mean {@value #EXTRA_JETS}) balanced by the leading
 * pair, and in {@value #SEMILEPTONIC} of events a heavy-flavour semileptonic decay inside a leading
 * jet: a soft non-isolated lepton and a neutrino, the only true missing momentum of the process.
 */
final class QcdMultijetGenerator implements ProcessGenerator {

  static final double PT_MIN = 25;
  static final double PT_INDEX = 5;
  static final double EXTRA_JETS = 1.2;
  static final double SEMILEPTONIC = 0.10;

  @Override
  public TruthEvent generate(RandomGenerator rng) {
    double pt = ProductionKinematics.powerLaw(rng, PT_MIN, PT_INDEX);
    double y1 = ProductionKinematics.rapidity(rng, 1.8, ProductionKinematics.JET_ETA_LIMIT);
    double y2 = ProductionKinematics.rapidity(rng, 1.8, ProductionKinematics.JET_ETA_LIMIT);
    double phi = ProductionKinematics.phi(rng);
    double[] px = {pt * Math.cos(phi), -pt * Math.cos(phi)};
    double[] py = {pt * Math.sin(phi), -pt * Math.sin(phi)};
    List<TruthParticle> visible = new ArrayList<>(6);
    int extra = ProductionKinematics.poisson(rng, EXTRA_JETS);
    for (int i = 0; i < extra; i++) {
      double jetPt = Math.min(ProductionKinematics.powerLaw(rng, 8, 3.5), 0.6 * pt);
      double jetEta = ProductionKinematics.rapidity(rng, 2.2, ProductionKinematics.JET_ETA_LIMIT);
      double jetPhi = ProductionKinematics.phi(rng);
      visible.add(ProductionKinematics.jet(jetPt, jetEta, jetPhi));
      // The leading pair recoils against the radiation, half each.
      px[0] -= 0.5 * jetPt * Math.cos(jetPhi);
      px[1] -= 0.5 * jetPt * Math.cos(jetPhi);
      py[0] -= 0.5 * jetPt * Math.sin(jetPhi);
      py[1] -= 0.5 * jetPt * Math.sin(jetPhi);
    }
    FourVector lead =
        FourVector.ofPtEtaPhi(
            Math.sqrt(px[0] * px[0] + py[0] * py[0]), y1, Math.atan2(py[0], px[0]));
    FourVector sub =
        FourVector.ofPtEtaPhi(
            Math.sqrt(px[1] * px[1] + py[1] * py[1]), y2, Math.atan2(py[1], px[1]));
    FourVector invisible = FourVector.ZERO;
    boolean semileptonic = rng.nextDouble() < SEMILEPTONIC;
    boolean inLead = rng.nextBoolean();
    ObjectType flavour = DileptonGenerator.randomFlavour(rng);
    double leptonShare = 0.05 + 0.3 * rng.nextDouble();
    double neutrinoShare = 0.3 * rng.nextDouble();
    double dEta = 0.05 * rng.nextGaussian();
    double dPhi = 0.05 * rng.nextGaussian();
    if (semileptonic) {
      FourVector jet = inLead ? lead : sub;
      double jetPt = jet.pt();
      double eta = jet.eta();
      double jetPhi = jet.phi();
      visible.add(
          new TruthParticle(
              flavour, FourVector.ofPtEtaPhi(leptonShare * jetPt, eta + dEta, jetPhi + dPhi)));
      invisible = FourVector.ofPtEtaPhi(neutrinoShare * jetPt, eta - dEta, jetPhi - dPhi);
      FourVector rest =
          FourVector.ofPtEtaPhi((1 - leptonShare - neutrinoShare) * jetPt, eta, jetPhi);
      if (inLead) {
        lead = rest;
      } else {
        sub = rest;
      }
    }
    visible.add(new TruthParticle(ObjectType.JET, lead));
    visible.add(new TruthParticle(ObjectType.JET, sub));
    return new TruthEvent(visible, invisible);
  }
}
