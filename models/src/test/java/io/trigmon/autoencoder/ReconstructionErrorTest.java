package io.trigmon.autoencoder;

import static io.trigmon.event.AutoencoderFeatures.DIMENSION;
import static io.trigmon.event.AutoencoderFeatures.SLOTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.trigmon.event.AutoencoderFeatures;
import io.trigmon.event.Event;
import org.junit.jupiter.api.Test;

class ReconstructionErrorTest {

  private final Event event = new SyntheticEvents(3).standardModel();
  private final float[] x = new float[DIMENSION];
  private final float[] mask = new float[SLOTS];

  ReconstructionErrorTest() {
    AutoencoderFeatures.fill(event, x, 0, mask, 0);
    Normaliser.identity().apply(x, 0, mask, 0);
  }

  @Test
  void paddedSlotsDoNotCount() {
    float[] reconstruction = x.clone();
    reconstruction[0] += 0.3f; // MET pT, always present
    float before = ReconstructionError.of(x, 0, reconstruction, 0, mask, 0);
    int padded = lastPaddedSlot();
    for (int k = 0; k < 3; k++) {
      reconstruction[padded * 3 + k] = 100f;
    }
    assertThat(ReconstructionError.of(x, 0, reconstruction, 0, mask, 0)).isEqualTo(before);
  }

  @Test
  void isTheMeanSquaredErrorOverRealObjectsFeatures() {
    float[] reconstruction = x.clone();
    reconstruction[1] += 0.5f; // MET η
    int present = 0;
    for (float m : mask) {
      present += (int) m;
    }
    assertThat(ReconstructionError.of(x, 0, reconstruction, 0, mask, 0))
        .isEqualTo(0.25f / (3 * present));
  }

  @Test
  void fastScorerIgnoresWhatTheNetworkPutsInPaddedSlots() {
    DenseNetwork network = TestNetworks.random(Architecture.standard(0), 5);
    FastAutoencoder fast = new FastAutoencoder(network);
    float[] reconstruction = new float[DIMENSION];
    fast.reconstruct(x, 0, reconstruction);
    float expected = ReconstructionError.of(x, 0, reconstruction, 0, mask, 0);
    // A reconstruction error that counted padded slots would differ: the network's output there is
    // not zero.
    float[] allPresent = new float[SLOTS];
    java.util.Arrays.fill(allPresent, 1f);
    assertThat(ReconstructionError.of(x, 0, reconstruction, 0, allPresent, 0))
        .isNotEqualTo(expected);
    assertThat(fast.score(x, 0, mask, 0)).isEqualTo(expected);
  }

  private int lastPaddedSlot() {
    for (int slot = SLOTS - 1; slot >= 0; slot--) {
      if (mask[slot] == 0f) {
        return slot;
      }
    }
    throw new AssertionError("event has no padded slot");
  }
}
