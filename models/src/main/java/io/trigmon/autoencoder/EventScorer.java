package io.trigmon.autoencoder;

import static io.trigmon.event.AutoencoderFeatures.DIMENSION;
import static io.trigmon.event.AutoencoderFeatures.SLOTS;

import io.trigmon.event.AutoencoderFeatures;
import io.trigmon.event.Event;

/**
 * Scores events one at a time without allocating: features, standardisation and the plain-Java
 * forward pass into reused buffers — what a stream operator holds per parallel instance (it is not
 * thread-safe). A parametrised model is scored at the ν given at construction.
 */
public final class EventScorer {

  private final Normaliser normaliser;
  private final FastAutoencoder fast;
  private final float[] x;
  private final float[] mask = new float[SLOTS];

  EventScorer(AutoencoderModel model, double[] nu) {
    normaliser = model.normaliser();
    fast = model.fast();
    x = new float[fast.inputs()];
    for (int j = DIMENSION; j < x.length; j++) {
      x[j] = nu == null ? 0f : (float) nu[j - DIMENSION];
    }
  }

  public float score(Event event) {
    AutoencoderFeatures.fill(event, x, 0, mask, 0);
    normaliser.apply(x, 0, mask, 0);
    return fast.score(x, 0, mask, 0);
  }
}
