package io.trigmon.autoencoder;

import static io.trigmon.event.AutoencoderFeatures.DIMENSION;
import static io.trigmon.event.AutoencoderFeatures.SLOTS;

import io.trigmon.mlp.VectorForwardPass;
import io.trigmon.mlp.VectorTilePass;

/**
 * {@link FastAutoencoder}'s scoring with the Vector API. Batches go through {@link VectorTilePass}
 * in tiles of {@value VectorTilePass#TILE} events (vectors across events, activations
 * feature-major), then the masked error over the tile ({@link SlotErrors}). One event — and the
 * last few events of a batch ({@link #SINGLE_TAIL}), which would fill a pair of vectors of events
 * mostly with padding — goes through {@link VectorForwardPass} (vectors across a layer's outputs)
 * and {@link SlotErrors#of}. Both paths compute the same FMA chains and sum the error in the same
 * order, so an event's score does not depend on its batch, bit for bit. Created only through {@link
 * FastAutoencoder}, after {@link io.trigmon.mlp.ForwardPasses} found the module.
 */
final class VectorScoringPass implements ScoringPass {

  /**
   * A batch's last {@code n mod 2L} events (L floats per vector) take the single-event path when
   * there are at most L of them: the tile computes pairs of vectors of events, and a pair costs
   * about as much as L single events (2L × ≈ 140 ns against L × ≈ 290 ns with 16 lanes, 2L × ≈ 155
   * against L × ≈ 280 with 8: reports/bench/ae-speed.md).
   */
  static final int SINGLE_TAIL = VectorTilePass.lanes();

  private static final int L = VectorTilePass.lanes();

  private final VectorForwardPass single;
  private final VectorTilePass tile;
  private final SlotErrors errors;

  private VectorScoringPass(VectorForwardPass single, VectorTilePass tile, SlotErrors errors) {
    this.single = single;
    this.tile = tile;
    this.errors = errors;
  }

  static ScoringPass create(io.trigmon.mlp.DenseNetwork network) {
    return new VectorScoringPass(
        new VectorForwardPass(network), new VectorTilePass(network), new SlotErrors());
  }

  @Override
  public ScoringPass copy() {
    return new VectorScoringPass(single.copy(), tile.copy(), new SlotErrors());
  }

  @Override
  public int inputs() {
    return single.inputs();
  }

  @Override
  public float score(float[] x, int xOffset, float[] mask, int maskOffset) {
    float[] r = single.forward(x, xOffset);
    return SlotErrors.of(r, 0, x, xOffset, mask, maskOffset);
  }

  @Override
  public void score(float[] x, float[] masks, int n, float[] scores) {
    int in = single.inputs();
    int tail = n % (2 * L);
    int tiled = tail <= SINGLE_TAIL ? n - tail : n;
    for (int start = 0; start < tiled; start += VectorTilePass.TILE) {
      int t = Math.min(VectorTilePass.TILE, tiled - start);
      tile.load(x, start * in, in, t);
      errors.score(tile.forward(t), tile.input(), masks, start * SLOTS, t, scores, start);
    }
    for (int e = tiled; e < n; e++) {
      scores[e] = score(x, e * in, masks, e * SLOTS);
    }
  }

  @Override
  public void reconstruct(float[] x, int xOffset, float[] out) {
    System.arraycopy(single.forward(x, xOffset), 0, out, 0, DIMENSION);
  }
}
