package io.trigmon.autoencoder;

import static io.trigmon.event.AutoencoderFeatures.DIMENSION;
import static io.trigmon.event.AutoencoderFeatures.PER_SLOT;
import static io.trigmon.event.AutoencoderFeatures.SLOTS;

/**
 * The anomaly score: the mean squared reconstruction error over the features of the objects an
 * event really has, in standardised units,
 *
 * <pre>
 *   s(x) = Σ_{slots j with m_j = 1} Σ_{k ∈ (pT, η, φ)} (x̂_jk − x_jk)²  /  (3 · Σ_j m_j)
 * </pre>
 *
 * where m_j is the object mask of slot j (MET is always present, so the denominator is never 0).
 * Padded slots are left out entirely: what the network puts there is not an anomaly, and an event
 * with few objects is not penalised for its padding. Every scorer — DJL training, the DJL batch
 * scorer, the plain-Java forward pass — computes exactly this.
 */
public final class ReconstructionError {

  private ReconstructionError() {}

  /**
   * s for one event: inputs {@code x} from {@code xOffset} (57 standardised features), {@code
   * reconstruction} from {@code rOffset}, mask (19 slots) from {@code maskOffset}.
   */
  public static float of(
      float[] x, int xOffset, float[] reconstruction, int rOffset, float[] mask, int maskOffset) {
    float sum = 0f;
    int present = 0;
    for (int slot = 0; slot < SLOTS; slot++) {
      if (mask[maskOffset + slot] == 0f) {
        continue;
      }
      present++;
      for (int k = 0; k < PER_SLOT; k++) {
        int f = slot * PER_SLOT + k;
        float d = reconstruction[rOffset + f] - x[xOffset + f];
        sum += d * d;
      }
    }
    return present == 0 ? 0f : sum / (PER_SLOT * present);
  }

  /** The 19-slot object mask widened to the 57 features (1 where the slot's object is real). */
  public static void featureMask(float[] slotMask, int maskOffset, float[] out, int outOffset) {
    for (int f = 0; f < DIMENSION; f++) {
      out[outOffset + f] = slotMask[maskOffset + f / PER_SLOT];
    }
  }
}
