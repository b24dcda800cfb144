package io.trigmon.cli;

import io.trigmon.autoencoder.EventShift;
import io.trigmon.autoencoder.MomentumScaleShift;
import io.trigmon.event.Event;
import io.trigmon.simulation.NuisanceShifts;
import io.trigmon.simulation.Process;
import io.trigmon.simulation.Regime;
import io.trigmon.simulation.Simulator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator's trigger-level SM mixture and signals (four-lepton, large-MET, Z′) for {@code
 * validate ae}. Shifted SM samples come from the simulator itself at the shifted nuisances with the
 * same seed — the same collisions, with the shift applied before the selection, as in data; the
 * training augmentation shifts events with a {@link MomentumScaleShift} of the same σ (jet energy
 * scale 3 %, lepton scale of the electron-like regime, 0.3 % / 0.9 %, the larger of the lepton
 * regimes; MET recomputed).
 */
final class SimulatedSamples implements AeValidationSamples {

  private static final Regime REGIME = Regime.ELECTRON_LIKE;
  private static final List<Process> SIGNALS =
      List.of(Process.FOUR_LEPTON, Process.LARGE_MET, Process.ZPRIME);

  private final EventShift shift = shiftFor(REGIME);

  /**
   * The simulator's jet energy scale and the lepton scale of {@code regime} (applied to every
   * lepton, as the simulator does), as an {@link EventShift} for training augmentation.
   */
  static EventShift shiftFor(Regime regime) {
    return new MomentumScaleShift(
        NuisanceShifts.JET_ENERGY_SCALE_SIGMA,
        regime.barrelScaleSigma(),
        regime.endcapScaleSigma(),
        regime.barrelScaleSigma(),
        regime.endcapScaleSigma());
  }

  @Override
  public String description() {
    return "trigmon simulator, SM mixture (" + REGIME.cliName() + " lepton scale)";
  }

  @Override
  public List<Event> standardModel(int n, long seed) {
    return standardModel(n, seed, new double[shift.count()]);
  }

  @Override
  public List<Event> standardModel(int n, long seed, double[] nu) {
    NuisanceShifts shifts =
        NuisanceShifts.NOMINAL
            .withJetEnergyScale(nu[0])
            .withScaleBarrel(nu[1])
            .withScaleEndcap(nu[1]);
    return simulate(Process.SM, shifts, n, seed);
  }

  @Override
  public Map<String, List<Event>> signals(int n, long seed) {
    Map<String, List<Event>> out = new LinkedHashMap<>();
    for (int i = 0; i < SIGNALS.size(); i++) {
      Process process = SIGNALS.get(i);
      out.put(process.cliName(), simulate(process, NuisanceShifts.NOMINAL, n, seed + i));
    }
    return out;
  }

  @Override
  public EventShift nuisances() {
    return shift;
  }

  private static List<Event> simulate(Process process, NuisanceShifts shifts, int n, long seed) {
    return Simulator.builder()
        .process(process)
        .regime(REGIME)
        .nuisances(shifts)
        .seed(seed)
        .build()
        .events(n)
        .toList();
  }
}
