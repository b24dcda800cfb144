package io.trigmon.autoencoder;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import io.trigmon.event.AutoencoderFeatures;
import java.nio.FloatBuffer;

/**
 * Scores micro-batches of events with DJL (PyTorch engine): one native call per batch, so DJL's ~17
 * µs per call is shared by the batch (DESIGN §8). The model's pre- and post-processing live in a
 * {@link Translator}: inputs become one (n × inputs) tensor, the masked reconstruction error of
 * {@link ReconstructionError} is computed on the engine and comes back as one float per event.
 *
 * <p>Holds a native model and predictor: close it. Not thread-safe (one per thread, as a DJL {@link
 * Predictor}).
 */
public final class DjlBatchScorer implements AutoCloseable {

  private final Model model;
  private final Predictor<Batch, float[]> predictor;
  private final int inputs;

  /** Micro-batch of standardised inputs (rows of {@code inputs}) and slot masks (rows of 19). */
  public record Batch(float[] x, float[] mask, int size) {}

  public DjlBatchScorer(DenseNetwork network) {
    inputs = network.architecture().inputs();
    DjlThreads.singleThreadedUnlessConfigured();
    model = Model.newInstance("trigmon-autoencoder", "PyTorch");
    model.setBlock(DjlNetwork.block(network, model.getNDManager()));
    predictor = model.newPredictor(new ScoreTranslator(inputs));
  }

  /** Scores the first {@code n} events of the arrays in one DJL call. */
  public float[] score(float[] x, float[] mask, int n) {
    try {
      return predictor.predict(new Batch(x, mask, n));
    } catch (TranslateException e) {
      throw new IllegalStateException("DJL failed to score a batch of " + n + " events", e);
    }
  }

  /** Scores {@code n} events in micro-batches of {@code batchSize} (one DJL call each). */
  public void score(float[] x, float[] mask, int n, int batchSize, float[] scores) {
    int slots = AutoencoderFeatures.SLOTS;
    for (int start = 0; start < n; start += batchSize) {
      int size = Math.min(batchSize, n - start);
      float[] bx = new float[size * inputs];
      float[] bm = new float[size * slots];
      System.arraycopy(x, start * inputs, bx, 0, bx.length);
      System.arraycopy(mask, start * slots, bm, 0, bm.length);
      System.arraycopy(score(bx, bm, size), 0, scores, start, size);
    }
  }

  @Override
  public void close() {
    predictor.close();
    model.close();
  }

  /**
   * Batch in, one masked reconstruction error per event out. The error is computed in Java from the
   * reconstruction: a handful of element-wise engine operations would each cost a native call, more
   * than the arithmetic itself at these sizes.
   */
  private static final class ScoreTranslator implements Translator<Batch, float[]> {
    private static final String BATCH = "batch";
    private final int inputs;

    ScoreTranslator(int inputs) {
      this.inputs = inputs;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, Batch batch) {
      ctx.setAttachment(BATCH, batch);
      NDManager manager = ctx.getNDManager();
      int n = batch.size();
      return new NDList(
          manager.create(FloatBuffer.wrap(batch.x(), 0, n * inputs), new Shape(n, inputs)));
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList list) {
      Batch batch = (Batch) ctx.getAttachment(BATCH);
      float[] reconstruction = list.singletonOrThrow().toFloatArray();
      int d = AutoencoderFeatures.DIMENSION;
      int slots = AutoencoderFeatures.SLOTS;
      float[] scores = new float[batch.size()];
      for (int e = 0; e < scores.length; e++) {
        scores[e] =
            ReconstructionError.of(
                batch.x(), e * inputs, reconstruction, e * d, batch.mask(), e * slots);
      }
      return scores;
    }

    @Override
    public Batchifier getBatchifier() {
      return null; // the input already is a batch
    }
  }
}
