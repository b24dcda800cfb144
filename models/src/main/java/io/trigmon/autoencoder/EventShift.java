package io.trigmon.autoencoder;

import io.trigmon.event.Event;
import java.util.List;

/**
 * Nuisance parameters acting on events: {@code shift(event, ν)} is the event as it would have been
 * reconstructed with the nuisances at ν (in units of their σ). Augmented, decorrelated and
 * parametrised training draw ν from N(0, 1) per nuisance; the validation report shifts by ±1σ.
 */
public interface EventShift {

  /** Names of the nuisances, in the order of ν. */
  List<String> names();

  /** The event with the nuisances at {@code nu} (σ units); {@code nu} all zero is the identity. */
  Event shift(Event event, double[] nu);

  default int count() {
    return names().size();
  }
}
