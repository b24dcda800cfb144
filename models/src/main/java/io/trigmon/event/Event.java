package io.trigmon.event;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One trigger-level collision event (DESIGN §2): where it sits in the data-taking (run,
 * lumisection, event number, event time in ns since the epoch), which trigger stream it came
 * through, the missing transverse momentum and the reconstructed electrons, muons and jets.
 *
 * <p>Object lists are immutable and kept in the order given; {@link #ordered()} sorts them by
 * decreasing pT, the order every feature extractor assumes. The record does not validate physics
 * ranges: an event decoded from the wire may be out of range, and {@link EventValidator} says why.
 */
public record Event(
    long run,
    int lumisection,
    long eventNumber,
    long eventTimeNanos,
    String stream,
    Particle met,
    List<Particle> electrons,
    List<Particle> muons,
    List<Particle> jets) {

  public Event {
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(met, "met");
    electrons = List.copyOf(electrons);
    muons = List.copyOf(muons);
    jets = List.copyOf(jets);
  }

  /** The objects of the given type; for {@link ObjectType#MET} a one-element list. */
  public List<Particle> objects(ObjectType type) {
    return switch (type) {
      case MET -> List.of(met);
      case ELECTRON -> electrons;
      case MUON -> muons;
      case JET -> jets;
    };
  }

  /** Electrons and muons together, by decreasing pT. */
  public List<Particle> leptons() {
    List<Particle> leptons = new ArrayList<>(electrons.size() + muons.size());
    leptons.addAll(electrons);
    leptons.addAll(muons);
    leptons.sort(BY_DECREASING_PT);
    return leptons;
  }

  /** This event with each object list sorted by decreasing pT. */
  public Event ordered() {
    return new Event(
        run,
        lumisection,
        eventNumber,
        eventTimeNanos,
        stream,
        met,
        sorted(electrons),
        sorted(muons),
        sorted(jets));
  }

  /** This event with other objects (simulation: smearing, nuisance shifts). */
  public Event withObjects(
      Particle newMet,
      List<Particle> newElectrons,
      List<Particle> newMuons,
      List<Particle> newJets) {
    return new Event(
        run,
        lumisection,
        eventNumber,
        eventTimeNanos,
        stream,
        newMet,
        newElectrons,
        newMuons,
        newJets);
  }

  /** This event re-stamped (replay, windowing tests). */
  public Event withTime(long newEventTimeNanos) {
    return new Event(
        run, lumisection, eventNumber, newEventTimeNanos, stream, met, electrons, muons, jets);
  }

  /** Orders objects by decreasing transverse momentum. */
  public static final Comparator<Particle> BY_DECREASING_PT =
      Comparator.comparingDouble(Particle::pt).reversed();

  private static List<Particle> sorted(List<Particle> objects) {
    List<Particle> copy = new ArrayList<>(objects);
    copy.sort(BY_DECREASING_PT);
    return copy;
  }
}
