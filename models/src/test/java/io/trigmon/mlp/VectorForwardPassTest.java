package io.trigmon.mlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The single-event Vector API pass gives the plain pass's outputs up to float rounding (that the
 * tile pass gives its outputs bit for bit is {@link VectorTilePassTest}'s).
 */
class VectorForwardPassTest {

  /** Widths that leave every kernel's tails: 1 to 8 vectors, partial vectors, a 2-input layer. */
  private static final int[][] SHAPES = {
    {7, 12, 3, 9, 2}, {57, 32, 16, 8, 16, 32, 57}, {59, 41, 2, 50, 57}, {5, 140, 5}
  };

  @Test
  void agreesWithThePlainPassToFloatRounding() {
    for (int[] sizes : SHAPES) {
      DenseNetwork network = DenseNetwork.initialised(sizes, Activation.RELU, 4);
      VectorForwardPass vector = new VectorForwardPass(network);
      ForwardPass plain = new ForwardPass(network);
      int in = sizes[0];
      float[] rows = rows(200 * in, 6);
      for (int e = 0; e < 200; e++) {
        float[] expected = plain.forward(rows, e * in);
        float[] y = vector.forward(rows, e * in);
        for (int o = 0; o < vector.outputs(); o++) {
          assertThat(y[o]).isCloseTo(expected[o], within(1e-5f * Math.max(1, Math.abs(y[o]))));
        }
        for (int o = vector.outputs(); o < vector.outputStride(); o++) {
          assertThat(y[o]).as("padding").isZero();
        }
      }
    }
  }

  @Test
  void refusesWhatItDoesNotImplement() {
    assertThatThrownBy(
            () ->
                new VectorForwardPass(
                    DenseNetwork.initialised(new int[] {3, 2}, Activation.TANH, 1)))
        .isInstanceOf(IllegalArgumentException.class);
    VectorForwardPass pass =
        new VectorForwardPass(DenseNetwork.initialised(new int[] {3, 2}, Activation.RELU, 1));
    float[] x = new float[4];
    assertThatThrownBy(() -> pass.forward(x, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> pass.forward(x, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  /** Gaussian inputs, every fifth one 0 (padded slots). */
  static float[] rows(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] rows = new float[n];
    for (int i = 0; i < n; i++) {
      rows[i] = i % 5 == 0 ? 0f : (float) random.nextGaussian();
    }
    return rows;
  }
}
