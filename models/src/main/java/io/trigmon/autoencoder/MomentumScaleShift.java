package io.trigmon.autoencoder;

import io.trigmon.event.Event;
import io.trigmon.event.Particle;
import java.util.ArrayList;
import java.util.List;

/**
 * The two momentum-scale nuisances the autoencoder is made robust against (DESIGN §3): the jet
 * energy scale, pT → pT·exp(ν_jes σ_jes) for every jet, and the lepton momentum scale, pT →
 * pT·exp(ν_ℓ σ_ℓ) with σ_ℓ per object type and detector region (barrel |η| &lt; 1.2, endcaps). The
 * missing transverse momentum follows the shifted objects, as a type-1 correction would: MET⃗ →
 * MET⃗ − Σ Δp⃗_T.
 *
 * @param jetSigma σ of the jet energy scale (relative)
 * @param electronBarrelSigma σ of the electron scale in the barrel
 * @param electronEndcapSigma σ of the electron scale in the endcaps
 * @param muonBarrelSigma σ of the muon scale in the barrel
 * @param muonEndcapSigma σ of the muon scale in the endcaps
 */
public record MomentumScaleShift(
    double jetSigma,
    double electronBarrelSigma,
    double electronEndcapSigma,
    double muonBarrelSigma,
    double muonEndcapSigma)
    implements EventShift {

  /** Barrel/endcap boundary in |η|. */
  public static final double BARREL_ETA = 1.2;

  /**
   * Defaults, as the simulator's: jet energy scale 3 %; lepton scale with DESIGN §3's electron-like
   * (0.3 % / 0.9 %) and muon-like (0.05 % / 0.15 %) σ in barrel / endcaps.
   */
  public static MomentumScaleShift standard() {
    return new MomentumScaleShift(0.03, 0.003, 0.009, 0.0005, 0.0015);
  }

  @Override
  public List<String> names() {
    return List.of("jet_energy_scale", "lepton_scale");
  }

  @Override
  public Event shift(Event event, double[] nu) {
    double[] dMet = new double[2];
    List<Particle> jets = scaled(event.jets(), nu[0], jetSigma, jetSigma, dMet);
    List<Particle> electrons =
        scaled(event.electrons(), nu[1], electronBarrelSigma, electronEndcapSigma, dMet);
    List<Particle> muons = scaled(event.muons(), nu[1], muonBarrelSigma, muonEndcapSigma, dMet);
    Particle met = event.met();
    double mx = met.px() - dMet[0];
    double my = met.py() - dMet[1];
    Particle newMet = Particle.met(Math.hypot(mx, my), Math.atan2(my, mx));
    return event.withObjects(newMet, electrons, muons, jets);
  }

  private static List<Particle> scaled(
      List<Particle> objects, double nu, double barrel, double endcap, double[] dMet) {
    List<Particle> out = new ArrayList<>(objects.size());
    for (Particle p : objects) {
      double sigma = Math.abs(p.eta()) < BARREL_ETA ? barrel : endcap;
      Particle shifted = p.withPt(p.pt() * Math.exp(nu * sigma));
      dMet[0] += shifted.px() - p.px();
      dMet[1] += shifted.py() - p.py();
      out.add(shifted);
    }
    return out;
  }
}
