package io.trigmon.autoencoder;

import static io.trigmon.event.AutoencoderFeatures.DIMENSION;

import io.trigmon.mlp.ForwardPass;
import io.trigmon.mlp.ForwardPasses;

/**
 * The autoencoder's score without DJL, from the same {@link DenseNetwork} that DJL trained: no
 * native call per event, so a stream can score event by event or in micro-batches (DJL costs ~17 µs
 * per call whatever the batch, DESIGN §8). Two implementations of the forward pass and the masked
 * {@link ReconstructionError}:
 *
 * <ul>
 *   <li>the Vector API (register-blocked FMA: {@link io.trigmon.mlp.VectorTilePass} over tiles of
 *       events, {@link io.trigmon.mlp.VectorForwardPass} for one event), chosen by {@link
 *       ForwardPasses#useVectorApi()}: the JVM runs with {@code --add-modules jdk.incubator.vector}
 *       and {@code -Dtrigmon.vector=false} does not turn it off;
 *   <li>plain Java ({@link ForwardPass}, loops C2 vectorises), everywhere else.
 * </ul>
 *
 * <p>Either way an event's score does not depend on the batch it is scored in (bit for bit); the
 * two implementations agree with DJL to 1e-5 and with each other to the last bits of the float
 * rounding (the Vector API rounds once per multiply-add).
 *
 * <p>An instance holds scratch buffers and is not thread-safe: use one per thread ({@link #copy()}
 * shares the weights). Inputs are standardised features (see {@link Normaliser}), {@link
 * Architecture#inputs()} numbers per event (57, plus ν for a parametrised network), and the 19-slot
 * object mask.
 */
public final class FastAutoencoder {

  /** Events per micro-batch a stream should collect: a tile of the plain pass. */
  public static final int TILE = ForwardPass.TILE;

  private final ScoringPass pass;
  private final boolean vector;

  /** The fastest scorer this JVM allows ({@link ForwardPasses#useVectorApi()}). */
  public FastAutoencoder(DenseNetwork network) {
    this(network, ForwardPasses.useVectorApi());
  }

  private FastAutoencoder(DenseNetwork network, boolean vector) {
    this(pass(network.mlp(), vector), vector);
  }

  private FastAutoencoder(ScoringPass pass, boolean vector) {
    this.pass = pass;
    this.vector = vector;
  }

  private static ScoringPass pass(io.trigmon.mlp.DenseNetwork mlp, boolean vector) {
    if (mlp.outputs() != DIMENSION) {
      throw new IllegalArgumentException("the network must reconstruct " + DIMENSION + " features");
    }
    return vector ? VectorScoringPass.create(mlp) : new PlainScoringPass(mlp);
  }

  /** The plain-Java scorer, whatever the JVM allows (benchmarks, tests). */
  public static FastAutoencoder plainJava(DenseNetwork network) {
    return new FastAutoencoder(network, false);
  }

  /**
   * The Vector API scorer (benchmarks, tests).
   *
   * @throws IllegalStateException if the JVM runs without {@code jdk.incubator.vector}
   */
  public static FastAutoencoder vectorApi(DenseNetwork network) {
    if (!ForwardPasses.vectorApiAvailable()) {
      throw new IllegalStateException("run the JVM with --add-modules jdk.incubator.vector");
    }
    return new FastAutoencoder(network, true);
  }

  /** Another scorer over the same weights, with its own scratch buffers (for another thread). */
  public FastAutoencoder copy() {
    return new FastAutoencoder(pass.copy(), vector);
  }

  /** Whether this scorer runs on the Vector API. */
  public boolean usesVectorApi() {
    return vector;
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
    return pass.score(x, xOffset, mask, maskOffset);
  }

  /** Writes the reconstruction of one event (57 numbers) into {@code out}. */
  public void reconstruct(float[] x, int xOffset, float[] out) {
    pass.reconstruct(x, xOffset, out);
  }

  /**
   * Scores {@code n} events: inputs in rows of {@link #inputs()} numbers, masks in rows of 19,
   * scores into {@code scores[0..n)}.
   */
  public void score(float[] x, float[] masks, int n, float[] scores) {
    pass.score(x, masks, n, scores);
  }

  @Override
  public String toString() {
    return "FastAutoencoder[" + (vector ? "Vector API" : "plain Java") + "]";
  }
}
