package io.trigmon.mlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Vector API pass: an event's outputs do not depend on the block it is in, and they are the
 * plain pass's up to float rounding.
 */
class VectorForwardPassTest {

  /** Widths that leave every kernel's tails: 1 to 6 vectors, partial vectors, a 2-input layer. */
  private static final int[][] SHAPES = {
    {7, 12, 3, 9, 2}, {57, 32, 16, 8, 16, 32, 57}, {59, 41, 2, 50, 57}, {5, 100, 5}
  };

  @Test
  void eachEventGetsTheSameOutputsInEveryBlockSizeAndPosition() {
    for (int[] sizes : SHAPES) {
      DenseNetwork network = DenseNetwork.initialised(sizes, Activation.RELU, 3);
      VectorForwardPass pass = new VectorForwardPass(network);
      int in = sizes[0];
      int out = sizes[sizes.length - 1];
      int stride = in + 3; // rows wider than the inputs, as a parametrised autoencoder's are not
      int events = 2 * VectorForwardPass.BLOCK + 1;
      float[] rows = rows(events * stride, 5);
      float[][] single = new float[events][];
      for (int e = 0; e < events; e++) {
        single[e] = pass.forward(rows, e * stride, stride, 1).clone();
      }
      for (int block : new int[] {2, 3, 5, 6, 7, 8, 13, VectorForwardPass.BLOCK}) {
        for (int start = 0; start + block <= events; start += block) {
          float[] y = pass.forward(rows, start * stride, stride, block);
          for (int e = 0; e < block; e++) {
            for (int o = 0; o < out; o++) {
              assertThat(y[e * pass.outputStride() + o])
                  .as("%d-%d, block %d, event %d, output %d", in, out, block, start + e, o)
                  .isEqualTo(single[start + e][o]);
            }
          }
        }
      }
    }
  }

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
        float[] y = vector.forward(rows, e * in, in, 1);
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
    float[] x = new float[3 * (VectorForwardPass.BLOCK + 1)];
    assertThatThrownBy(() -> pass.forward(x, 0, 3, VectorForwardPass.BLOCK + 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> pass.forward(x, x.length - 2, 3, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> pass.forward(x, 0, 2, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  /** Gaussian inputs, every fifth one 0 (padded slots). */
  private static float[] rows(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] rows = new float[n];
    for (int i = 0; i < n; i++) {
      rows[i] = i % 5 == 0 ? 0f : (float) random.nextGaussian();
    }
    return rows;
  }
}
