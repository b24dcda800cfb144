package io.trigmon.autoencoder;

import static io.trigmon.event.AutoencoderFeatures.DIMENSION;
import static io.trigmon.event.AutoencoderFeatures.SLOTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.trigmon.event.AutoencoderFeatures;
import io.trigmon.event.Event;
import java.util.List;
import org.junit.jupiter.api.Test;

class NormaliserTest {

  private static final int N = 2000;

  private final float[] raw = new float[N * DIMENSION];
  private final float[] mask = new float[N * SLOTS];

  NormaliserTest() {
    List<Event> events = new SyntheticEvents(7).standardModel(N);
    for (int e = 0; e < N; e++) {
      AutoencoderFeatures.fill(events.get(e), raw, e * DIMENSION, mask, e * SLOTS);
    }
  }

  @Test
  void roundTripRestoresRealObjects() {
    Normaliser normaliser = Normaliser.fit(raw, mask, N);
    float[] x = raw.clone();
    for (int e = 0; e < N; e++) {
      normaliser.apply(x, e * DIMENSION, mask, e * SLOTS);
      normaliser.invert(x, e * DIMENSION, mask, e * SLOTS);
    }
    for (int i = 0; i < x.length; i++) {
      assertThat(x[i]).isCloseTo(raw[i], within(1e-4f * Math.max(1f, Math.abs(raw[i]))));
    }
  }

  @Test
  void paddedSlotsBecomeZeroAndLeadingJetIsStandardised() {
    Normaliser normaliser = Normaliser.fit(raw, mask, N);
    float[] x = raw.clone();
    double sum = 0;
    double sumSq = 0;
    int leadingJetPt = 9 * 3; // slot 9 = first jet, feature pT
    for (int e = 0; e < N; e++) {
      normaliser.apply(x, e * DIMENSION, mask, e * SLOTS);
      for (int slot = 0; slot < SLOTS; slot++) {
        if (mask[e * SLOTS + slot] == 0f) {
          assertThat(x[e * DIMENSION + slot * 3]).isZero();
        }
      }
      double v = x[e * DIMENSION + leadingJetPt];
      sum += v;
      sumSq += v * v;
    }
    // Every synthetic event has a jet, so the leading jet's pT has mean 0 and variance 1 exactly.
    assertThat(sum / N).isCloseTo(0, within(1e-4));
    assertThat(sumSq / N).isCloseTo(1, within(1e-3));
  }

  @Test
  void manifestFormRoundTrips() {
    Normaliser normaliser = Normaliser.fit(raw, mask, N);
    assertThat(Normaliser.fromParameters(normaliser.toParameters())).isEqualTo(normaliser);
  }
}
