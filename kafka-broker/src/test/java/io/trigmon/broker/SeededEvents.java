package io.trigmon.broker;

import io.trigmon.event.Event;
import io.trigmon.event.Lumisection;
import io.trigmon.event.Particle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Collision-like events for transport tests: event {@code i} of a seed is always the same, so a
 * reader can rebuild what a writer sent from the event number alone. Not physics: plausible
 * multiplicities and ranges only (the simulator lives in models).
 */
final class SeededEvents {

  static final long RUN = 400_123;
  static final long RUN_START_NANOS =
      Instant.parse("2026-11-23T00:00:00Z").toEpochMilli() * 1_000_000L;
  private static final long SPACING_NANOS = 25_000; // 40 kHz
  private static final String[] STREAMS = {"ZeroBias", "SingleMuon", "DoubleEG", "JetHT"};

  private SeededEvents() {}

  static Event event(long seed, long index) {
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
    long time = RUN_START_NANOS + index * SPACING_NANOS;
    return new Event(
        RUN,
        Lumisection.of(time, RUN_START_NANOS),
        index,
        time,
        STREAMS[random.nextInt(STREAMS.length)],
        Particle.met(-30 * Math.log(1 - random.nextDouble()), phi(random)),
        objects(random, random.nextInt(3)),
        objects(random, random.nextInt(3)),
        objects(random, random.nextInt(7)));
  }

  private static List<Particle> objects(SplittableRandom random, int count) {
    List<Particle> objects = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      double pt = 20 * Math.pow(1 - random.nextDouble(), -1.0 / 3); // power law above 20 GeV
      objects.add(Particle.of(pt, random.nextDouble(-2.4, 2.4), phi(random)));
    }
    return objects;
  }

  private static double phi(SplittableRandom random) {
    return random.nextDouble(-Math.PI, Math.PI);
  }
}
