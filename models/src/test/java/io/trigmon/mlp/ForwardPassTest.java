package io.trigmon.mlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The tile pass (events in the inner loop) and the single-event pass give the same floats. */
class ForwardPassTest {

  @Test
  void tileAndSingleEventPassesAgreeForEveryActivationAndTileFill() {
    for (Activation activation : Activation.values()) {
      // 7 inputs: one group of four and a tail of three; a layer of 3 inputs has no group at all.
      DenseNetwork network = DenseNetwork.initialised(new int[] {7, 12, 3, 9, 2}, activation, 3);
      ForwardPass tile = new ForwardPass(network);
      ForwardPass single = tile.copy();
      SplittableRandom random = new SplittableRandom(5);
      for (int n : new int[] {1, 3, 17, ForwardPass.TILE}) {
        float[] rows = new float[n * 7];
        for (int i = 0; i < rows.length; i++) {
          rows[i] = i % 5 == 0 ? 0f : (float) random.nextGaussian();
        }
        float[][] in = tile.tileInput();
        for (int e = 0; e < n; e++) {
          for (int i = 0; i < 7; i++) {
            in[i][e] = rows[e * 7 + i];
          }
        }
        float[][] out = tile.forwardTile(n);
        for (int e = 0; e < n; e++) {
          float[] expected = single.forward(rows, e * 7);
          for (int o = 0; o < 2; o++) {
            assertThat(out[o][e]).as("%s n=%d e=%d", activation, n, e).isEqualTo(expected[o]);
          }
        }
      }
    }
  }

  @Test
  void aTileHoldsAtMostTileEvents() {
    ForwardPass pass =
        new ForwardPass(DenseNetwork.initialised(new int[] {2, 2}, Activation.RELU, 1));
    assertThatThrownBy(() -> pass.forwardTile(ForwardPass.TILE + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
