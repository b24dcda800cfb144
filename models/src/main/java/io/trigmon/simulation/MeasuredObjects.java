package io.trigmon.simulation;

import io.trigmon.event.Event;
import io.trigmon.event.Particle;
import java.util.ArrayList;
import java.util.List;

/** The objects of one measured, shifted collision, each list sorted by decreasing pT. */
record MeasuredObjects(
    Particle met, List<Particle> electrons, List<Particle> muons, List<Particle> jets) {

  /** Electrons and muons together, by decreasing pT. */
  List<Particle> leptons() {
    if (electrons.isEmpty()) {
      return muons;
    }
    if (muons.isEmpty()) {
      return electrons;
    }
    List<Particle> leptons = new ArrayList<>(electrons.size() + muons.size());
    leptons.addAll(electrons);
    leptons.addAll(muons);
    leptons.sort(Event.BY_DECREASING_PT);
    return leptons;
  }

  boolean passes(Selection selection) {
    return selection.passes(leptons());
  }
}
