package io.trigmon.autoencoder;

/**
 * One implementation of {@link FastAutoencoder}'s scoring: the network's forward pass plus the
 * masked {@link ReconstructionError}, for one event or a micro-batch. Not thread-safe; {@link
 * #copy()} gives another thread its own scratch buffers over the same weights.
 */
interface ScoringPass {

  int inputs();

  float score(float[] x, int xOffset, float[] mask, int maskOffset);

  void score(float[] x, float[] masks, int n, float[] scores);

  void reconstruct(float[] x, int xOffset, float[] out);

  ScoringPass copy();
}
