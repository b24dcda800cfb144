package io.trigmon.autoencoder;

import static io.trigmon.event.AutoencoderFeatures.DIMENSION;
import static io.trigmon.event.AutoencoderFeatures.SLOTS;

import io.trigmon.event.AutoencoderFeatures;
import io.trigmon.event.Event;

/**
 * Scores events without allocating: features, standardisation and the plain-Java forward pass into
 * reused buffers — what a stream operator holds per parallel instance (it is not thread-safe). One
 * event at a time, or a micro-batch in tiles of {@link FastAutoencoder#TILE} events (the forward
 * pass ≈ 1.7× cheaper per event at batch 1024, same scores bit for bit). A parametrised model is
 * scored at the ν given at construction.
 */
public final class EventScorer {

  private final Normaliser normaliser;
  private final FastAutoencoder fast;
  private final float[] x;
  private final float[] mask = new float[SLOTS];
  private final float[] tileX; // a tile's input rows
  private final float[] tileMask = new float[FastAutoencoder.TILE * SLOTS];
  private final float[] tileScores = new float[FastAutoencoder.TILE];

  EventScorer(AutoencoderModel model, double[] nu) {
    normaliser = model.normaliser();
    fast = model.fast();
    x = new float[fast.inputs()];
    for (int j = DIMENSION; j < x.length; j++) {
      x[j] = nu == null ? 0f : (float) nu[j - DIMENSION];
    }
    tileX = new float[FastAutoencoder.TILE * x.length];
    for (int e = 0; e < FastAutoencoder.TILE; e++) {
      System.arraycopy(x, 0, tileX, e * x.length, x.length);
    }
  }

  public float score(Event event) {
    AutoencoderFeatures.fill(event, x, 0, mask, 0);
    normaliser.apply(x, 0, mask, 0);
    return fast.score(x, 0, mask, 0);
  }

  /** Scores {@code events[0..n)} into {@code scores[0..n)}, a tile at a time. */
  public void score(Event[] events, int n, float[] scores) {
    int in = x.length;
    for (int start = 0; start < n; start += FastAutoencoder.TILE) {
      int t = Math.min(FastAutoencoder.TILE, n - start);
      for (int e = 0; e < t; e++) {
        // The ν inputs after the 57 features were set once at construction.
        AutoencoderFeatures.fill(events[start + e], tileX, e * in, tileMask, e * SLOTS);
        normaliser.apply(tileX, e * in, tileMask, e * SLOTS);
      }
      fast.score(tileX, tileMask, t, tileScores);
      System.arraycopy(tileScores, 0, scores, start, t);
    }
  }
}
