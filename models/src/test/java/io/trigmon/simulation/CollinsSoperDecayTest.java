package io.trigmon.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

/** The decay angle of Drell–Yan pairs follows 1 + cos²θ* in the Collins–Soper frame. */
class CollinsSoperDecayTest {

  private static final int EVENTS = 100_000;

  /** cos θ* in the Collins–Soper frame from lab momenta (Phys. Rev. D 16 (1977) 2219). */
  private static double cosThetaCollinsSoper(FourVector first, FourVector second) {
    FourVector pair = first.plus(second);
    double m = pair.mass();
    double plus1 = (first.e() + first.pz()) / Math.sqrt(2);
    double minus1 = (first.e() - first.pz()) / Math.sqrt(2);
    double plus2 = (second.e() + second.pz()) / Math.sqrt(2);
    double minus2 = (second.e() - second.pz()) / Math.sqrt(2);
    double mt = Math.sqrt(m * m + pair.pt() * pair.pt());
    return 2 * (plus1 * minus2 - minus1 * plus2) / (m * mt);
  }

  private static double[] sampleCosines(long seed) {
    SplitMix64Random rng = new SplitMix64Random(seed);
    double[] cosines = new double[EVENTS];
    for (int i = 0; i < EVENTS; i++) {
      double m = 60 + 400 * rng.nextDouble();
      FourVector pair = DileptonGenerator.pair(m, DileptonGenerator.pairPt(m, rng), rng);
      FourVector[] leptons = TwoBodyDecay.collinsSoper(pair, rng);
      cosines[i] = cosThetaCollinsSoper(leptons[0], leptons[1]);
    }
    return cosines;
  }

  @Test
  void meanCosSquaredIsTwoFifths() {
    double[] cosines = sampleCosines(1);
    double sum = 0;
    double sumSquares = 0;
    for (double c : cosines) {
      sum += c * c;
      sumSquares += c * c * c * c;
    }
    double mean = sum / EVENTS;
    double error = Math.sqrt((sumSquares / EVENTS - mean * mean) / EVENTS);
    // ∫c²(1+c²) / ∫(1+c²) = (1/3 + 1/5)/(4/3) = 2/5; an isotropic decay would give 1/3.
    assertThat(mean).isCloseTo(0.4, within(4 * error));
  }

  @Test
  void binnedDistributionFollowsOnePlusCosSquared() {
    double[] cosines = sampleCosines(2);
    int bins = 20;
    double[] counts = new double[bins];
    for (double c : cosines) {
      counts[Math.min(bins - 1, (int) ((c + 1) / 2 * bins))]++;
    }
    double chi2 = 0;
    for (int i = 0; i < bins; i++) {
      double a = -1 + 2.0 * i / bins;
      double b = a + 2.0 / bins;
      // ∫(3/8)(1 + c²) dc over the bin.
      double expected = EVENTS * 3.0 / 8 * ((b - a) + (b * b * b - a * a * a) / 3);
      chi2 += (counts[i] - expected) * (counts[i] - expected) / expected;
    }
    double pValue = 1 - new ChiSquaredDistribution(bins - 1).cumulativeProbability(chi2);
    assertThat(pValue).isGreaterThan(1e-3);
  }

  @Test
  void decayConservesFourMomentum() {
    SplitMix64Random rng = new SplitMix64Random(3);
    FourVector pair = FourVector.ofPtRapidityPhiMass(35, 1.3, 0.4, 250);
    FourVector[] leptons = TwoBodyDecay.collinsSoper(pair, rng);
    FourVector sum = leptons[0].plus(leptons[1]);

    assertThat(sum.mass()).isCloseTo(250, within(1e-6));
    assertThat(sum.px()).isCloseTo(pair.px(), within(1e-6));
    assertThat(sum.pz()).isCloseTo(pair.pz(), within(1e-6));
    assertThat(leptons[0].mass()).isCloseTo(0, within(1e-3));
  }
}
