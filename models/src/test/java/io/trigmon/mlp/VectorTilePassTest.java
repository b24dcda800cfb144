package io.trigmon.mlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The tile pass (vectors across events) computes each event's outputs exactly as the event-major
 * {@link VectorForwardPass} does for that event alone, bit for bit, whatever its tile size and
 * lane.
 */
class VectorTilePassTest {

  /**
   * Widths that leave every kernel block (6 and 4 outputs; odd widths, 2 and 8 padded or split), 1
   * and 2 inputs, and the autoencoder with and without its ν inputs.
   */
  private static final int[][] SHAPES = {
    {57, 32, 16, 8, 16, 32, 57},
    {59, 32, 16, 8, 16, 32, 57},
    {7, 12, 3, 9, 1},
    {1, 5, 2, 11, 14},
    {2, 6, 4, 13, 7}
  };

  @Test
  void eachEventGetsTheSingleEventOutputsInEveryTileSizeAndLane() {
    for (int[] sizes : SHAPES) {
      DenseNetwork network = DenseNetwork.initialised(sizes, Activation.RELU, 7);
      VectorForwardPass single = new VectorForwardPass(network);
      VectorTilePass tile = new VectorTilePass(network);
      int in = sizes[0];
      int out = sizes[sizes.length - 1];
      int stride = in + 2;
      int events = 3 * VectorTilePass.TILE + 5;
      float[] rows = VectorForwardPassTest.rows(events * stride, 8);
      float[][] expected = new float[events][];
      for (int e = 0; e < events; e++) {
        expected[e] = single.forward(rows, e * stride).clone();
      }
      for (int n : new int[] {1, 2, 5, 17, 37, 63, VectorTilePass.TILE}) {
        for (int start = 0; start + n <= events; start += n) {
          tile.load(rows, start * stride, stride, n);
          float[] y = tile.forward(n);
          for (int e = 0; e < n; e++) {
            for (int o = 0; o < out; o++) {
              assertThat(y[o * VectorTilePass.TILE + e])
                  .as("%s, tile of %d, event %d, output %d", shape(sizes), n, start + e, o)
                  .isEqualTo(expected[start + e][o]);
            }
          }
        }
      }
    }
  }

  @Test
  void theInputsAreReadInPlaceAndPaddedWithZeros() {
    DenseNetwork network = DenseNetwork.initialised(new int[] {3, 4, 2}, Activation.RELU, 1);
    VectorTilePass tile = new VectorTilePass(network);
    float[] x = VectorForwardPassTest.rows(3 * VectorTilePass.TILE, 2);
    tile.load(x, 0, 3, VectorTilePass.TILE); // every lane holds an input first
    tile.load(x, 3, 3, 5);
    for (int i = 0; i < 3; i++) {
      for (int e = 0; e < VectorTilePass.lanes(5); e++) {
        assertThat(tile.input()[i * VectorTilePass.TILE + e])
            .as("input %d, lane %d", i, e)
            .isEqualTo(e < 5 ? x[3 + e * 3 + i] : 0f);
      }
    }
  }

  @Test
  void refusesWhatItDoesNotImplement() {
    assertThatThrownBy(
            () ->
                new VectorTilePass(DenseNetwork.initialised(new int[] {3, 2}, Activation.TANH, 1)))
        .isInstanceOf(IllegalArgumentException.class);
    VectorTilePass tile =
        new VectorTilePass(DenseNetwork.initialised(new int[] {3, 2}, Activation.RELU, 1));
    float[] x = new float[3 * (VectorTilePass.TILE + 1)];
    assertThatThrownBy(() -> tile.load(x, 0, 3, VectorTilePass.TILE + 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tile.load(x, 0, 3, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tile.load(x, x.length - 2, 3, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tile.load(x, 0, 2, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  private static String shape(int[] sizes) {
    return java.util.Arrays.toString(sizes);
  }
}
