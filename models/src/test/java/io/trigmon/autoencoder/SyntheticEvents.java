package io.trigmon.autoencoder;

import io.trigmon.event.Event;
import io.trigmon.event.Particle;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small, seeded stand-in for the simulator in unit tests: SM-like events (a few power-law jets,
 * sometimes a W-like lepton with its neutrino) and an obvious anomaly (four hard leptons and large
 * MET).
 */
public final class SyntheticEvents {

  private static final long START_NANOS = 1_700_000_000_000_000_000L;
  private final Random random;
  private long number;

  public SyntheticEvents(long seed) {
    random = new Random(seed);
  }

  public List<Event> standardModel(int n) {
    List<Event> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(standardModel());
    }
    return out;
  }

  public List<Event> anomalies(int n) {
    List<Event> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(anomaly());
    }
    return out;
  }

  public Event standardModel() {
    List<Particle> jets = new ArrayList<>();
    int nJets = 1 + poisson(2.0);
    for (int j = 0; j < nJets; j++) {
      jets.add(Particle.of(powerLaw(25, 3.5), clipped(1.6, 4.0), phi()));
    }
    List<Particle> electrons = new ArrayList<>();
    List<Particle> muons = new ArrayList<>();
    double[] met = {gauss(12), gauss(12)};
    if (random.nextDouble() < 0.3) {
      Particle lepton = Particle.of(25 + exponential(15), clipped(1.1, 2.4), phi());
      (random.nextBoolean() ? electrons : muons).add(lepton);
      double nuPt = 20 + exponential(15);
      double nuPhi = lepton.phi() + Math.PI + gauss(0.8);
      met[0] += nuPt * Math.cos(nuPhi);
      met[1] += nuPt * Math.sin(nuPhi);
    }
    return event(met, electrons, muons, jets);
  }

  public Event anomaly() {
    List<Particle> electrons = new ArrayList<>();
    List<Particle> muons = new ArrayList<>();
    for (int l = 0; l < 4; l++) {
      Particle lepton = Particle.of(60 + exponential(60), clipped(1.0, 2.4), phi());
      (l % 2 == 0 ? electrons : muons).add(lepton);
    }
    List<Particle> jets = List.of(Particle.of(powerLaw(25, 3.5), clipped(1.6, 4.0), phi()));
    double metPt = 250 + exponential(100);
    double metPhi = phi();
    return event(
        new double[] {metPt * Math.cos(metPhi), metPt * Math.sin(metPhi)}, electrons, muons, jets);
  }

  private Event event(
      double[] met, List<Particle> electrons, List<Particle> muons, List<Particle> jets) {
    number++;
    return new Event(
            1,
            1,
            number,
            START_NANOS + number * 1000,
            "ZeroBias",
            Particle.met(Math.hypot(met[0], met[1]), Math.atan2(met[1], met[0])),
            electrons,
            muons,
            jets)
        .ordered();
  }

  private double powerLaw(double min, double index) {
    return Math.min(2000, min * Math.pow(1 - random.nextDouble(), -1 / (index - 1)));
  }

  private double exponential(double mean) {
    return -mean * Math.log(1 - random.nextDouble());
  }

  private double gauss(double sigma) {
    return sigma * random.nextGaussian();
  }

  private double clipped(double sigma, double max) {
    return Math.max(-max, Math.min(max, gauss(sigma)));
  }

  private double phi() {
    return Math.PI * (2 * random.nextDouble() - 1);
  }

  private int poisson(double mean) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int k = 0;
    while (product > limit) {
      product *= random.nextDouble();
      k++;
    }
    return k;
  }
}
