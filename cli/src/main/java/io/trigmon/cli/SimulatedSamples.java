package io.trigmon.cli;

import io.trigmon.autoencoder.EventShift;
import io.trigmon.autoencoder.MomentumScaleShift;
import io.trigmon.event.Event;
import java.util.List;
import java.util.Map;

/** The simulator's SM mixture and trigger-level signals, for {@code validate ae}. */
final class SimulatedSamples implements AeValidationSamples {

  private final EventShift shift = MomentumScaleShift.standard();

  @Override
  public String description() {
    return "simulator SM mixture; signals four-lepton, large-MET, Z'";
  }

  @Override
  public List<Event> standardModel(int n, long seed) {
    throw notYet();
  }

  @Override
  public List<Event> standardModel(int n, long seed, double[] nu) {
    return standardModel(n, seed).stream().map(e -> shift.shift(e, nu)).toList();
  }

  @Override
  public Map<String, List<Event>> signals(int n, long seed) {
    throw notYet();
  }

  @Override
  public EventShift nuisances() {
    return shift;
  }

  private static UserException notYet() {
    return new UserException("the simulator (io.trigmon.simulation) is not in this build yet");
  }
}
