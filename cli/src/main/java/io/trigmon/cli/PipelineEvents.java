package io.trigmon.cli;

import io.trigmon.event.DileptonFeatures;
import io.trigmon.event.Event;
import io.trigmon.event.EventCodec;
import io.trigmon.simulation.Process;
import io.trigmon.simulation.Simulator;
import java.util.ArrayList;
import java.util.List;

/**
 * The events of a pipeline benchmark: a trigger-level stream per stream key in which a fixed
 * fraction of the events carries a Drell–Yan lepton pair (the events the NPLM test reads) and the
 * rest are Standard-Model events without one (scored by the autoencoder, counted, not tested).
 * Events are drawn from two simulated pools of fixed seeds and re-stamped, so millions of events
 * cost an encode each rather than a simulation each.
 */
final class PipelineEvents {

  private static final List<String> STREAM_NAMES =
      List.of("DoubleMuon", "SingleMuon", "EGamma", "JetMET", "Tau", "ZeroBias");

  private final List<Event> dileptons;
  private final List<Event> others;
  private final List<String> streams;
  private final double dileptonFraction;

  private PipelineEvents(
      List<Event> dileptons, List<Event> others, List<String> streams, double dileptonFraction) {
    this.dileptons = dileptons;
    this.others = others;
    this.streams = streams;
    this.dileptonFraction = dileptonFraction;
  }

  /**
   * @param streams number of stream keys
   * @param dileptonFraction fraction of events with a tested lepton pair, in (0, 1]
   * @param pool distinct events simulated per pool
   */
  static PipelineEvents simulate(int streams, double dileptonFraction, int pool) {
    List<Event> dileptons =
        Simulator.builder().process(Process.DY).seed(101).build().events(pool).toList();
    List<Event> others = new ArrayList<>();
    if (dileptonFraction < 1) {
      Simulator.builder()
          .process(Process.SM)
          .seed(103)
          .build()
          .events(3L * pool)
          .filter(e -> DileptonFeatures.of(e).isEmpty())
          .limit(pool)
          .forEach(others::add);
    }
    List<String> names = new ArrayList<>();
    for (int s = 0; s < streams; s++) {
      String base = STREAM_NAMES.get(s % STREAM_NAMES.size());
      names.add(s < STREAM_NAMES.size() ? base : base + (s / STREAM_NAMES.size()));
    }
    return new PipelineEvents(dileptons, others, List.copyOf(names), dileptonFraction);
  }

  List<String> streams() {
    return streams;
  }

  /** Whether the {@code index}-th event of a stream carries a lepton pair (evenly spread). */
  boolean isDilepton(long index) {
    return dileptonFraction >= 1
        || (long) ((index + 1) * dileptonFraction) > (long) (index * dileptonFraction);
  }

  /** The encoded {@code index}-th event of stream {@code stream}, stamped {@code timeNanos}. */
  byte[] encode(int stream, long index, long timeNanos) {
    List<Event> pool = isDilepton(index) ? dileptons : others;
    Event e = pool.get((int) ((index * 7919 + stream * 104_729L) % pool.size()));
    return EventCodec.encode(
        new Event(
            e.run(),
            e.lumisection(),
            index,
            timeNanos,
            streams.get(stream),
            e.met(),
            e.electrons(),
            e.muons(),
            e.jets()));
  }
}
