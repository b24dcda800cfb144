package io.trigmon.autoencoder;

import static io.trigmon.event.AutoencoderFeatures.SLOTS;

/**
 * Events turned into network inputs, flat and event after event: {@code inputs} numbers per event
 * in {@code x} (57 standardised features, then ν for a parametrised network), 19 slot flags per
 * event in {@code mask}, and the ν (σ units) each event was drawn at in {@code nu} ({@code
 * nuisances} numbers per event; all zero for nominal events).
 */
public record EncodedEvents(
    int size, int inputs, int nuisances, float[] x, float[] mask, float[] nu) {

  public EncodedEvents {
    if (x.length < size * inputs || mask.length < size * SLOTS || nu.length < size * nuisances) {
      throw new IllegalArgumentException("arrays too short for " + size + " events");
    }
  }

  /** The events at the given indices, in that order (mini-batches, train/validation splits). */
  public EncodedEvents select(int[] indices, int from, int to) {
    int n = to - from;
    float[] sx = new float[n * inputs];
    float[] sm = new float[n * SLOTS];
    float[] sn = new float[n * nuisances];
    for (int i = 0; i < n; i++) {
      int e = indices[from + i];
      System.arraycopy(x, e * inputs, sx, i * inputs, inputs);
      System.arraycopy(mask, e * SLOTS, sm, i * SLOTS, SLOTS);
      System.arraycopy(nu, e * nuisances, sn, i * nuisances, nuisances);
    }
    return new EncodedEvents(n, inputs, nuisances, sx, sm, sn);
  }
}
