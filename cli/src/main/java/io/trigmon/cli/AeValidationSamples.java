package io.trigmon.cli;

import io.trigmon.autoencoder.EventShift;
import io.trigmon.event.Event;
import java.util.List;
import java.util.Map;

/** Where {@code validate ae} takes its events from: SM reference, signals, nuisances. */
interface AeValidationSamples {

  /** One line naming the source, for the report. */
  String description();

  /** {@code n} SM (reference) events; different seeds give independent samples. */
  List<Event> standardModel(int n, long seed);

  /**
   * The same {@code n} SM collisions as {@code standardModel(n, seed)} with the nuisances of {@link
   * #nuisances()} at {@code nu} (σ units).
   */
  List<Event> standardModel(int n, long seed, double[] nu);

  /** {@code n} events of each signal, by name. */
  Map<String, List<Event>> signals(int n, long seed);

  /** The nuisances the modes are trained against and the report shifts by ±1σ. */
  EventShift nuisances();
}
