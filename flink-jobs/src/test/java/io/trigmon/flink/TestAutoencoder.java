package io.trigmon.flink;

import io.trigmon.autoencoder.AutoencoderModel;
import io.trigmon.autoencoder.DenseLayer;
import io.trigmon.autoencoder.DenseNetwork;
import io.trigmon.autoencoder.Normaliser;
import io.trigmon.autoencoder.TrainingMode;
import io.trigmon.event.AutoencoderFeatures;
import java.util.List;
import java.util.SplittableRandom;

/** An untrained 57-8-57 autoencoder with fixed random weights: scores to wire, not to interpret. */
public final class TestAutoencoder {

  private TestAutoencoder() {}

  public static AutoencoderModel small() {
    int d = AutoencoderFeatures.DIMENSION;
    SplittableRandom random = new SplittableRandom(3);
    float[] w1 = new float[8 * d];
    float[] w2 = new float[d * 8];
    for (int i = 0; i < w1.length; i++) {
      w1[i] = (float) random.nextGaussian() * 0.1f;
      w2[i] = (float) random.nextGaussian() * 0.1f;
    }
    DenseNetwork network =
        new DenseNetwork(
            List.of(
                new DenseLayer(d, 8, w1, new float[8]), new DenseLayer(8, d, w2, new float[d])));
    return new AutoencoderModel(TrainingMode.NOMINAL, Normaliser.identity(), network, List.of());
  }
}
