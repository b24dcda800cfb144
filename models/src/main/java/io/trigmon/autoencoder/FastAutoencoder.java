package io.trigmon.autoencoder;

import static io.trigmon.event.AutoencoderFeatures.DIMENSION;
import static io.trigmon.event.AutoencoderFeatures.PER_SLOT;
import static io.trigmon.event.AutoencoderFeatures.SLOTS;

import io.trigmon.mlp.ForwardPass;

/**
 * The autoencoder's score in plain Java, from the same {@link DenseNetwork} that DJL trained: no
 * native call per event, so a stream can score event by event or in micro-batches (DJL costs ~17 µs
 * per call whatever the batch, DESIGN §8). The network runs in the shared {@link ForwardPass}; this
 * class adds the masked {@link ReconstructionError}.
 *
 * <p>Batches are scored in tiles of {@link ForwardPass#TILE} events: the rows (event-major, as
 * {@link EncodedEvents} holds them) are turned feature-major once, the pass runs over the tile, and
 * the error is summed feature by feature over the tile's events (a loop C2 vectorises too), in the
 * same order as {@link ReconstructionError#of}, so each event's score is the one the single-event
 * path gives up to the forward pass's rounding.
 *
 * <p>An instance holds scratch buffers and is not thread-safe: use one per thread ({@link #copy()}
 * shares the weights). Inputs are standardised features (see {@link Normaliser}), {@link
 * Architecture#inputs()} numbers per event (57, plus ν for a parametrised network), and the 19-slot
 * object mask.
 */
public final class FastAutoencoder {

  /** Events per tile of the batched pass. */
  public static final int TILE = ForwardPass.TILE;

  private final ForwardPass pass;
  private final float[][] mask = new float[SLOTS][TILE]; // the tile's masks, slot-major
  private final float[] sum = new float[TILE];
  private final float[] present = new float[TILE];

  public FastAutoencoder(DenseNetwork network) {
    this(new ForwardPass(network.mlp()));
    if (pass.outputs() != DIMENSION) {
      throw new IllegalArgumentException("the network must reconstruct " + DIMENSION + " features");
    }
  }

  private FastAutoencoder(ForwardPass pass) {
    this.pass = pass;
  }

  /** Another scorer over the same weights, with its own scratch buffers (for another thread). */
  public FastAutoencoder copy() {
    return new FastAutoencoder(pass.copy());
  }

  /** Numbers per event in the input rows: 57, plus ν for a parametrised network. */
  public int inputs() {
    return pass.inputs();
  }

  /**
   * The score of one event: {@code x} holds {@link #inputs()} standardised inputs from {@code
   * xOffset}, {@code mask} the 19 slot flags from {@code maskOffset}.
   */
  public float score(float[] x, int xOffset, float[] mask, int maskOffset) {
    float[] r = pass.forward(x, xOffset);
    return ReconstructionError.of(x, xOffset, r, 0, mask, maskOffset);
  }

  /** Writes the reconstruction of one event (57 numbers) into {@code out}. */
  public void reconstruct(float[] x, int xOffset, float[] out) {
    System.arraycopy(pass.forward(x, xOffset), 0, out, 0, DIMENSION);
  }

  /**
   * Scores {@code n} events: inputs in rows of {@link #inputs()} numbers, masks in rows of 19,
   * scores into {@code scores[0..n)}.
   */
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
