package io.trigmon.autoencoder;

import static io.trigmon.event.AutoencoderFeatures.DIMENSION;
import static io.trigmon.event.AutoencoderFeatures.PER_SLOT;
import static io.trigmon.event.AutoencoderFeatures.SLOTS;

import io.trigmon.mlp.ForwardPass;

/**
 * {@link FastAutoencoder}'s plain-Java scoring: the network runs in the shared {@link ForwardPass}
 * (C2 vectorises its loops, no Vector API needed); this class adds the masked {@link
 * ReconstructionError}.
 *
 * <p>Batches are scored in tiles of {@link ForwardPass#TILE} events: the rows (event-major, as
 * {@link EncodedEvents} holds them) are turned feature-major once, the pass runs over the tile, and
 * the error is summed feature by feature over the tile's events (a loop C2 vectorises too), in the
 * same order as {@link ReconstructionError#of}, so each event's score is the one the single-event
 * path gives, bit for bit.
 */
final class PlainScoringPass implements ScoringPass {

  private static final int TILE = ForwardPass.TILE;

  private final ForwardPass pass;
  private final float[][] mask = new float[SLOTS][TILE]; // the tile's masks, slot-major
  private final float[] sum = new float[TILE];
  private final float[] present = new float[TILE];

  PlainScoringPass(io.trigmon.mlp.DenseNetwork network) {
    this(new ForwardPass(network));
  }

  private PlainScoringPass(ForwardPass pass) {
    this.pass = pass;
  }

  @Override
  public PlainScoringPass copy() {
    return new PlainScoringPass(pass.copy());
  }

  @Override
  public int inputs() {
    return pass.inputs();
  }

  @Override
  public float score(float[] x, int xOffset, float[] mask, int maskOffset) {
    float[] r = pass.forward(x, xOffset);
    return ReconstructionError.of(x, xOffset, r, 0, mask, maskOffset);
  }

  @Override
  public void reconstruct(float[] x, int xOffset, float[] out) {
    System.arraycopy(pass.forward(x, xOffset), 0, out, 0, DIMENSION);
  }

  @Override
  public void score(float[] x, float[] masks, int n, float[] scores) {
    int in = pass.inputs();
    float[][] a = pass.tileInput();
    for (int start = 0; start < n; start += TILE) {
      int t = Math.min(TILE, n - start);
      for (int e = 0; e < t; e++) {
        int row = (start + e) * in;
        for (int i = 0; i < in; i++) {
          a[i][e] = x[row + i];
        }
        int m = (start + e) * SLOTS;
        for (int slot = 0; slot < SLOTS; slot++) {
          mask[slot][e] = masks[m + slot];
        }
      }
      tileErrors(pass.forwardTile(t), a, t, scores, start);
    }
  }

  /*
   * Σ over present slots of the squared error, feature by feature as ReconstructionError.of does;
   * a padded slot adds d²·0 = +0, which leaves a float sum unchanged.
   */
  private void tileErrors(float[][] r, float[][] a, int t, float[] scores, int start) {
    java.util.Arrays.fill(sum, 0, t, 0f);
    java.util.Arrays.fill(present, 0, t, 0f);
    for (int slot = 0; slot < SLOTS; slot++) {
      float[] m = mask[slot];
      for (int k = 0; k < PER_SLOT; k++) {
        int f = slot * PER_SLOT + k;
        squaredError(r[f], a[f], m, t);
      }
      count(m, t);
    }
    for (int e = 0; e < t; e++) {
      scores[start + e] = present[e] == 0f ? 0f : sum[e] / (PER_SLOT * present[e]);
    }
  }

  private void squaredError(float[] r, float[] a, float[] m, int t) {
    for (int e = 0; e < t; e++) {
      float d = r[e] - a[e];
      sum[e] += d * d * m[e];
    }
  }

  private void count(float[] m, int t) {
    for (int e = 0; e < t; e++) {
      present[e] += m[e];
    }
  }
}
