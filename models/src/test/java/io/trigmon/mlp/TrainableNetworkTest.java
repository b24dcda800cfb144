package io.trigmon.mlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrainableNetworkTest {

  private static double[][] rows(int n, int d, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] x = new double[n][d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        row[j] = random.nextGaussian() * 2;
      }
    }
    return x;
  }

  private static NDArray batch(NDManager manager, double[][] x) {
    float[][] f = new float[x.length][x[0].length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x[i].length; j++) {
        f[i][j] = (float) x[i][j];
      }
    }
    return manager.create(f);
  }

  @Test
  void plainJavaForwardPassMatchesDjl() {
    for (Activation activation : Activation.values()) {
      DenseNetwork network = DenseNetwork.initialised(new int[] {5, 16, 16, 2}, activation, 7);
      double[][] x = rows(500, 5, 1);
      try (NDManager manager = NDManager.newBaseManager();
          TrainableNetwork trainable = TrainableNetwork.of(manager, network)) {
        float[] djl = trainable.forward(batch(manager, x)).toFloatArray();
        double[][] java = network.forward(x);
        for (int i = 0; i < x.length; i++) {
          assertThat(java[i][0]).isCloseTo(djl[2 * i], within(1e-5));
          assertThat(java[i][1]).isCloseTo(djl[2 * i + 1], within(1e-5));
        }
        assertThat(trainable.snapshot()).isEqualTo(network);
      }
    }
  }

  @Test
  void adamFitsASmoothFunctionAndWeightClippingHolds() {
    double[][] x = rows(2000, 2, 3);
    float[] y = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = (float) Math.sin(x[i][0]) * 0.5f + 0.2f * (float) x[i][1];
    }
    DenseNetwork initial = DenseNetwork.initialised(new int[] {2, 16, 16, 1}, Activation.TANH, 5);
    try (NDManager manager = NDManager.newBaseManager();
        TrainableNetwork net = TrainableNetwork.of(manager, initial)) {
      NDArray input = batch(manager, x);
      NDArray target = manager.create(y).reshape(-1, 1);
      AdamSteps adam = new AdamSteps(manager, net.parameters(), 0.01);
      double first = Double.NaN;
      double last = Double.NaN;
      for (int epoch = 0; epoch < 300; epoch++) {
        last =
            adam.step(List.of(input, target), () -> net.forward(input).sub(target).square().mean());
        net.clipWeights(1.0);
        if (epoch == 0) {
          first = last;
        }
      }
      assertThat(last).isLessThan(first / 20);
      DenseNetwork trained = net.snapshot();
      for (float[] layer : trained.weights()) {
        for (float w : layer) {
          assertThat(Math.abs(w)).isLessThanOrEqualTo(1.0f);
        }
      }
      // restore() puts back an earlier network exactly
      net.restore(initial);
      assertThat(net.snapshot()).isEqualTo(initial);
      assertThat(manager.getManagedArrays().size()).isLessThan(10);
    }
  }
}
