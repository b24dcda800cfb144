package io.trigmon.autoencoder;

import static io.trigmon.event.AutoencoderFeatures.DIMENSION;
import static io.trigmon.event.AutoencoderFeatures.PER_SLOT;
import static io.trigmon.event.AutoencoderFeatures.SLOTS;

import io.trigmon.mlp.VectorForwardPass;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FastAutoencoder}'s scoring with the Vector API: the network in {@link VectorForwardPass}
 * (register-blocked FMA, events read in place), then the masked {@link ReconstructionError} of each
 * event while its reconstruction is still in L1 — squared differences and the slot mask widened to
 * the features, in vectors over the features, summed across lanes. Events are taken in blocks of
 * {@link VectorForwardPass#BLOCK}; one event and a batch go through the same code, so an event's
 * score does not depend on its batch. Created only through {@link FastAutoencoder}, after {@link
 * io.trigmon.mlp.ForwardPasses} found the module.
 */
final class VectorScoringPass implements ScoringPass {

  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  /** Features summed in whole vectors (56 with 8 lanes); the rest one by one. */
  private static final int VECTOR_FEATURES = DIMENSION / L * L;

  /** Per feature vector, the permutation that widens its slots' flags to its features. */
  private static final VectorShuffle<Float>[] WIDEN = widen();

  /** Mask floats an event's widening reads from its first slot (past its 19 at the end). */
  private static final int MASK_READ = Math.max(SLOTS, (VECTOR_FEATURES - L) / PER_SLOT + L);

  private final VectorForwardPass pass;
  private final float[] slotCopy = new float[MASK_READ];

  private VectorScoringPass(VectorForwardPass pass) {
    this.pass = pass;
  }

  static ScoringPass create(io.trigmon.mlp.DenseNetwork network) {
    return new VectorScoringPass(new VectorForwardPass(network));
  }

  @Override
  public ScoringPass copy() {
    return new VectorScoringPass(pass.copy());
  }

  @Override
  public int inputs() {
    return pass.inputs();
  }

  @Override
  public float score(float[] x, int xOffset, float[] mask, int maskOffset) {
    float[] r = pass.forward(x, xOffset, pass.inputs(), 1);
    return error(x, xOffset, r, 0, mask, maskOffset);
  }

  @Override
  public void score(float[] x, float[] masks, int n, float[] scores) {
    int in = pass.inputs();
    int stride = pass.outputStride();
    for (int start = 0; start < n; start += VectorForwardPass.BLOCK) {
      int t = Math.min(VectorForwardPass.BLOCK, n - start);
      float[] r = pass.forward(x, start * in, in, t);
      for (int e = 0; e < t; e++) {
        int event = start + e;
        scores[event] = error(x, event * in, r, e * stride, masks, event * SLOTS);
      }
    }
  }

  @Override
  public void reconstruct(float[] x, int xOffset, float[] out) {
    System.arraycopy(pass.forward(x, xOffset, pass.inputs(), 1), 0, out, 0, DIMENSION);
  }

  /**
   * Σ_f m_f (r_f − x_f)² / (3 Σ_slots m): {@link ReconstructionError#of} in another order. The slot
   * mask is widened to the features in registers: feature vector v reads the slots from ⌊v·L/3⌋ on
   * and repeats each three times ({@link #WIDEN}, a lane permutation).
   */
  private float error(float[] x, int xOffset, float[] r, int rOffset, float[] mask, int mOffset) {
    float[] m = mask;
    int base = mOffset;
    if (mOffset + MASK_READ > mask.length) { // the last events: their slots padded in a copy
      System.arraycopy(mask, mOffset, slotCopy, 0, SLOTS);
      m = slotCopy;
      base = 0;
    }
    FloatVector acc = FloatVector.zero(S);
    FloatVector widened = FloatVector.zero(S); // Σ of the widened mask: 3 per present slot
    int f = 0;
    for (int v = 0; f < VECTOR_FEATURES; f += L, v++) {
      FloatVector d =
          FloatVector.fromArray(S, r, rOffset + f).sub(FloatVector.fromArray(S, x, xOffset + f));
      FloatVector fm = FloatVector.fromArray(S, m, base + f / PER_SLOT).rearrange(WIDEN[v]);
      acc = d.mul(d).fma(fm, acc);
      widened = widened.add(fm);
    }
    float sum = acc.reduceLanes(VectorOperators.ADD);
    float features = widened.reduceLanes(VectorOperators.ADD); // small integers: exact
    for (; f < DIMENSION; f++) {
      float d = r[rOffset + f] - x[xOffset + f];
      float mf = m[base + f / PER_SLOT];
      sum += d * d * mf;
      features += mf;
    }
    return features == 0f ? 0f : sum / features;
  }

  private static VectorShuffle<Float>[] widen() {
    @SuppressWarnings("unchecked")
    VectorShuffle<Float>[] shuffles = new VectorShuffle[VECTOR_FEATURES / L];
    for (int v = 0; v < shuffles.length; v++) {
      int first = v * L / PER_SLOT;
      int[] lanes = new int[L];
      for (int k = 0; k < L; k++) {
        lanes[k] = (v * L + k) / PER_SLOT - first;
      }
      shuffles[v] = VectorShuffle.fromArray(S, lanes, 0);
    }
    return shuffles;
  }
}
