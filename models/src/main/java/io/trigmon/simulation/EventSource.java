package io.trigmon.simulation;

import io.trigmon.event.Event;
import io.trigmon.event.Lumisection;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Iterates over a simulator's events: picks background or signal for each position (sequential
 * random sampling, so a finite sample holds exactly the requested number of signal events at
 * uniformly random positions), takes the next selected collision of that channel and stamps it with
 * run, lumisection, event number and event time.
 */
final class EventSource implements Iterator<Event> {

  private final Simulator simulator;
  private final long total;
  private final ProcessChannel background;
  private final ProcessChannel signal;
  private final SplitMix64Random injection;
  private final SplitMix64Random clock;
  private final double meanGapNanos;
  private long produced;
  private long signalLeft;
  private double elapsedNanos;

  /**
   * @param total number of events, or −1 for an endless source
   */
  EventSource(Simulator simulator, long total) {
    this.simulator = simulator;
    this.total = total;
    this.background =
        simulator.channel(Simulator.MAIN_STREAM, simulator.process(), simulator.mainGenerator());
    this.signal =
        simulator
            .signal()
            .map(
                s ->
                    simulator.channel(
                        Simulator.SIGNAL_STREAM, s.process(), simulator.signalGenerator()))
            .orElse(null);
    long seed = simulator.seed();
    this.injection =
        new SplitMix64Random(SplitMix64Random.derive(seed, Simulator.INJECTION_STREAM));
    this.clock = new SplitMix64Random(SplitMix64Random.derive(seed, Simulator.TIME_STREAM));
    this.meanGapNanos = 1e9 / simulator.rateHz();
    this.signalLeft =
        total >= 0 ? simulator.signal().map(s -> s.signalEvents(total)).orElse(0L) : 0;
  }

  @Override
  public boolean hasNext() {
    return total < 0 || produced < total;
  }

  @Override
  public Event next() {
    if (!hasNext()) {
      throw new NoSuchElementException("all " + total + " events were generated");
    }
    MeasuredObjects objects = (isSignal() ? signal : background).nextSelected();
    elapsedNanos +=
        simulator.poissonArrivals()
            ? -meanGapNanos * Math.log(clock.nextOpenDouble())
            : meanGapNanos;
    long time = simulator.startNanos() + Math.round(elapsedNanos);
    produced++;
    return new Event(
        simulator.run(),
        Lumisection.of(time, simulator.startNanos()),
        produced,
        time,
        simulator.stream(),
        objects.met(),
        objects.electrons(),
        objects.muons(),
        objects.jets());
  }

  private boolean isSignal() {
    if (signal == null) {
      return false;
    }
    if (total < 0) {
      return injection.nextDouble() < simulator.signal().orElseThrow().fraction();
    }
    long left = total - produced;
    boolean chosen = injection.nextDouble() * left < signalLeft;
    if (chosen) {
      signalLeft--;
    }
    return chosen;
  }
}
