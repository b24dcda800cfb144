package io.trigmon.io;

import io.trigmon.event.Event;
import io.trigmon.event.Particle;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small reproducible events for the file tests. */
final class TestEvents {

  static final long T0 = 1_767_225_600_000_000_000L; // 2026-01-01T00:00:00Z

  private TestEvents() {}

  /** {@code n} events with 0-5 electrons, 0-5 muons, 0-12 jets (some beyond the layout's slots). */
  static List<Event> random(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Event> events = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      events.add(
          new Event(
              7,
              1 + i / 10,
              1000 + i,
              T0 + 1_000_000L * i,
              i % 3 == 0 ? "Muon" : "ZeroBias",
              Particle.met(random.nextDouble(0, 200), random.nextDouble(-Math.PI, Math.PI)),
              objects(random, random.nextInt(6)),
              objects(random, random.nextInt(6)),
              objects(random, random.nextInt(13))));
    }
    return events;
  }

  static Event dimuon(double pt1, double pt2, double eta1, double eta2, double phi1, double phi2) {
    return new Event(
        1,
        1,
        1,
        T0,
        "Muon",
        Particle.met(10, 0),
        List.of(),
        List.of(Particle.of(pt1, eta1, phi1), Particle.of(pt2, eta2, phi2)),
        List.of(Particle.of(40, 0.1, 0.2)));
  }

  private static List<Particle> objects(SplittableRandom random, int count) {
    List<Particle> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(
          Particle.of(
              random.nextDouble(20, 500),
              random.nextDouble(-2.4, 2.4),
              random.nextDouble(-Math.PI, Math.PI)));
    }
    return out;
  }
}
