package io.trigmon.autoencoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.trigmon.event.Event;
import io.trigmon.mlp.ForwardPasses;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Both DJL-free scorers — plain Java and the Vector API — must give DJL's scores (all load the same
 * parameters), and each must give an event the same score whatever batch it comes in.
 */
class ScorerAgreementTest {

  private static final int EVENTS = 10_000;
  private static final double TOLERANCE = 1e-5;

  @Test
  void plainJavaScorerAgreesWithDjlOnTenThousandEvents() {
    check(Architecture.standard(0), TrainingMode.NOMINAL, List.of(), FastAutoencoder::plainJava);
  }

  @Test
  void vectorApiScorerAgreesWithDjlOnTenThousandEvents() {
    check(Architecture.standard(0), TrainingMode.NOMINAL, List.of(), FastAutoencoder::vectorApi);
  }

  @Test
  void parametrisedNetworkAgreesToo() {
    for (Function<DenseNetwork, FastAutoencoder> scorer :
        List.<Function<DenseNetwork, FastAutoencoder>>of(
            FastAutoencoder::plainJava, FastAutoencoder::vectorApi)) {
      check(
          Architecture.standard(2),
          TrainingMode.PARAMETRISED,
          MomentumScaleShift.standard().names(),
          scorer);
    }
  }

  @Test
  void testsRunWithTheVectorApiSoTheModelsScorerIsTheVectorOne() {
    // surefire's argLine adds jdk.incubator.vector, as every JVM of the project does.
    assertThat(ForwardPasses.useVectorApi()).as(ForwardPasses.selected()).isTrue();
    AutoencoderModel model = nominalModel();
    assertThat(model.fast().usesVectorApi()).isTrue();
  }

  @Test
  void trainingLossPerEventIsTheScore() {
    List<Event> events = new SyntheticEvents(13).standardModel(500);
    AutoencoderModel model = nominalModel();
    EncodedEvents encoded = model.encode(events, (double[]) null);
    int n = encoded.size();
    float[] reconstruction = new float[n * 57];
    float[] featureMask = new float[n * 57];
    float[] expected = new float[n];
    FastAutoencoder fast = model.fast();
    float[] one = new float[57];
    for (int e = 0; e < n; e++) {
      fast.reconstruct(encoded.x(), e * 57, one);
      System.arraycopy(one, 0, reconstruction, e * 57, 57);
      ReconstructionError.featureMask(encoded.mask(), e * 19, featureMask, e * 57);
      expected[e] = ReconstructionError.of(encoded.x(), e * 57, one, 0, encoded.mask(), e * 19);
    }
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      float[] loss =
          DjlLoss.maskedError(
                  manager.create(reconstruction, new Shape(n, 57)),
                  manager.create(encoded.x(), new Shape(n, 57)),
                  manager.create(featureMask, new Shape(n, 57)))
              .toFloatArray();
      for (int e = 0; e < n; e++) {
        assertThat((double) loss[e])
            .isCloseTo(expected[e], within(1e-6 * Math.max(1, expected[e])));
      }
    }
  }

  private static AutoencoderModel nominalModel() {
    return new AutoencoderModel(
        TrainingMode.NOMINAL,
        Normaliser.identity(),
        TestNetworks.random(Architecture.standard(0), 4),
        List.of());
  }

  /** Scores every event in consecutive micro-batches of {@code batch} events. */
  private static float[] batched(FastAutoencoder fast, EncodedEvents encoded, int batch) {
    int n = encoded.size();
    int in = encoded.inputs();
    float[] scores = new float[n];
    float[] out = new float[batch];
    for (int start = 0; start < n; start += batch) {
      int size = Math.min(batch, n - start);
      float[] x = Arrays.copyOfRange(encoded.x(), start * in, (start + size) * in);
      float[] mask = Arrays.copyOfRange(encoded.mask(), start * 19, (start + size) * 19);
      fast.score(x, mask, size, out);
      System.arraycopy(out, 0, scores, start, size);
    }
    return scores;
  }

  private static double difference(float score, float djl) {
    return Math.abs(score - djl) / Math.max(1, Math.abs(djl));
  }

  private static void check(
      Architecture architecture,
      TrainingMode mode,
      List<String> nuisances,
      Function<DenseNetwork, FastAutoencoder> implementation) {
    List<Event> events = new SyntheticEvents(11).standardModel(EVENTS);
    events.addAll(new SyntheticEvents(12).anomalies(200));
    AutoencoderModel model =
        new AutoencoderModel(
            mode, Normaliser.identity(), TestNetworks.random(architecture, 3), nuisances);
    EncodedEvents encoded =
        model.encode(events, nuisances.isEmpty() ? null : new double[] {0.7, -1.2});
    int n = encoded.size();

    float[] djl = new float[n];
    try (DjlBatchScorer scorer = new DjlBatchScorer(model.network())) {
      scorer.score(encoded.x(), encoded.mask(), n, 1024, djl);
    }
    FastAutoencoder fast = implementation.apply(model.network());
    float[] single = new float[n];
    double worst = 0;
    for (int e = 0; e < n; e++) {
      single[e] = fast.score(encoded.x(), e * encoded.inputs(), encoded.mask(), e * 19);
      worst = Math.max(worst, difference(single[e], djl[e]));
    }
    // Micro-batches of 1, 64 and 1024 events, and sizes that leave odd tails within a tile (the
    // plain pass's 256 events, the Vector API's 64) and within its pairs of 8- or 16-lane vectors
    // of events, scored there (padded) or one by one (VectorScoringPass.SINGLE_TAIL).
    for (int batch : new int[] {1, 64, 1024, 37, 257, 5, 23, 49, 75, 97, n}) {
      float[] batched = batched(fast, encoded, batch);
      for (int e = 0; e < n; e++) {
        worst = Math.max(worst, difference(batched[e], djl[e]));
      }
      assertThat(batched)
          .as("%s, batches of %d: the single-event scores, bit for bit", fast, batch)
          .containsExactly(single);
    }
    assertThat(worst).as("largest |Δscore| / max(1, score)").isLessThanOrEqualTo(TOLERANCE);
  }
}
