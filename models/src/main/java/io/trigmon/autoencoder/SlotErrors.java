package io.trigmon.autoencoder;

import static io.trigmon.event.AutoencoderFeatures.PER_SLOT;
import static io.trigmon.event.AutoencoderFeatures.SLOTS;

import io.trigmon.mlp.VectorTilePass;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The masked {@link ReconstructionError} of a tile of {@link VectorTilePass} (vectors across
 * events, reconstructions and inputs feature-major), and of one event, in one fixed order: slot
 * after slot, {@code q = d₀² + d₁² + d₂²}, {@code sum += q·m}, {@code present += m}, score {@code
 * sum / (3·present)}. That is {@link ReconstructionError#of} in another order (it agrees to float
 * rounding); the tile and the single event do the same operations (the single event skips the
 * absent slots, whose terms are +0), so a score does not depend on the path that computed it, bit
 * for bit.
 */
final class SlotErrors {

  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  private static final int TILE = VectorTilePass.TILE;

  private final float[] mask = new float[SLOTS * TILE]; // the tile's masks: slot s at s · TILE
  private final float[] sum = new float[L]; // the scores of a last, partial vector of events

  /**
   * The score of one event from its reconstruction {@code r} (from {@code rOffset}), inputs {@code
   * x} (from {@code xOffset}) and slot mask (from {@code maskOffset}).
   */
  static float of(float[] r, int rOffset, float[] x, int xOffset, float[] m, int maskOffset) {
    float sum = 0f;
    float present = 0f;
    for (int slot = 0, f = 0; slot < SLOTS; slot++, f += PER_SLOT) {
      float mf = m[maskOffset + slot];
      if (mf == 0f) {
        continue; // adds q·0 = +0 and 0: leaves both sums as they are (q is finite)
      }
      float d = r[rOffset + f] - x[xOffset + f];
      float q = d * d;
      d = r[rOffset + f + 1] - x[xOffset + f + 1];
      q = q + d * d;
      d = r[rOffset + f + 2] - x[xOffset + f + 2];
      q = q + d * d;
      sum = sum + q * mf;
      present = present + mf;
    }
    return score(sum, present);
  }

  private static float score(float sum, float present) {
    return present == 0f ? 0f : sum / (PER_SLOT * present);
  }

  /**
   * Scores the first {@code n} events of a tile: {@code r} holds their reconstructions and {@code
   * x} their inputs (feature f of event e at {@code f · TILE + e}), {@code masks} their slot flags
   * in rows of 19 from {@code maskOffset}; scores go to {@code scores} from {@code at}.
   */
  void score(float[] r, float[] x, float[] masks, int maskOffset, int n, float[] scores, int at) {
    for (int e = 0, row = maskOffset; e < n; e++, row += SLOTS) {
      for (int slot = 0, t = e; slot < SLOTS; slot++, t += TILE) {
        mask[t] = masks[row + slot];
      }
    }
    int lanes = VectorTilePass.lanes(n);
    for (int slot = 0; slot < SLOTS; slot++) {
      java.util.Arrays.fill(mask, slot * TILE + n, slot * TILE + lanes, 0f);
    }
    int e = 0;
    for (; e + L <= n; e += L) {
      errors(r, x, mask, e, scores, at + e);
    }
    if (e < n) {
      errors(r, x, mask, e, sum, 0);
      System.arraycopy(sum, 0, scores, at + e, n - e);
    }
  }

  /** The scores of the events of the vector from lane e, to {@code scores} from {@code at}. */
  private static void errors(float[] r, float[] x, float[] m, int e, float[] scores, int at) {
    FloatVector s = FloatVector.zero(S);
    FloatVector p = s;
    for (int slot = 0, f = e; slot < SLOTS; slot++, f += PER_SLOT * TILE) {
      FloatVector d = FloatVector.fromArray(S, r, f).sub(FloatVector.fromArray(S, x, f));
      FloatVector q = d.mul(d);
      d = FloatVector.fromArray(S, r, f + TILE).sub(FloatVector.fromArray(S, x, f + TILE));
      q = q.add(d.mul(d));
      d = FloatVector.fromArray(S, r, f + 2 * TILE).sub(FloatVector.fromArray(S, x, f + 2 * TILE));
      q = q.add(d.mul(d));
      FloatVector mf = FloatVector.fromArray(S, m, slot * TILE + e);
      s = s.add(q.mul(mf));
      p = p.add(mf);
    }
    // score(sum, present) lane by lane: IEEE division, as the scalar one
    s.div(p.mul((float) PER_SLOT)).blend(0f, p.eq(0f)).intoArray(scores, at);
  }
}
