package io.trigmon.autoencoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random networks with Xavier-scaled weights, for tests and benchmarks that need no training
 * (the benchmarks module uses it from the models test-jar).
 */
public final class TestNetworks {

  private TestNetworks() {}

  /** A network of {@code architecture} with weights and biases drawn from {@code seed}. */
  public static DenseNetwork random(Architecture architecture, long seed) {
    Random random = new Random(seed);
    List<DenseLayer> layers = new ArrayList<>();
    for (int l = 0; l < architecture.depth(); l++) {
      int in = architecture.layers().get(l);
      int out = architecture.layers().get(l + 1);
      double scale = Math.sqrt(2.0 / (in + out));
      float[] w = new float[in * out];
      float[] b = new float[out];
      for (int i = 0; i < w.length; i++) {
        w[i] = (float) (scale * random.nextGaussian());
      }
      for (int i = 0; i < b.length; i++) {
        b[i] = (float) (0.1 * random.nextGaussian());
      }
      layers.add(new DenseLayer(in, out, w, b));
    }
    return new DenseNetwork(layers);
  }
}
