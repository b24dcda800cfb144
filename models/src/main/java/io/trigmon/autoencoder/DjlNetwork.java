package io.trigmon.autoencoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.util.ArrayList;
import java.util.List;

/**
 * The autoencoder as a DJL block, and the conversion of its parameters to and from the
 * engine-independent {@link DenseNetwork}: {@code Linear} layers with a ReLU after each but the
 * last, matching {@link FastAutoencoder} exactly.
 */
final class DjlNetwork {

  private DjlNetwork() {}

  /** An uninitialised block for these layer sizes. */
  static SequentialBlock block(Architecture architecture) {
    SequentialBlock block = new SequentialBlock();
    List<Integer> layers = architecture.layers();
    for (int l = 1; l < layers.size(); l++) {
      block.add(Linear.builder().setUnits(layers.get(l)).build());
      if (l < layers.size() - 1) {
        block.add(Activation::relu);
      }
    }
    return block;
  }

  /** A block initialised with the given parameters. */
  static SequentialBlock block(DenseNetwork network, NDManager manager) {
    SequentialBlock block = block(network.architecture());
    block.initialize(manager, DataType.FLOAT32, new Shape(1, network.architecture().inputs()));
    List<Linear> linears = linears(block);
    for (int l = 0; l < linears.size(); l++) {
      DenseLayer layer = network.layers().get(l);
      linears.get(l).getParameters().get("weight").getArray().set(layer.weight());
      linears.get(l).getParameters().get("bias").getArray().set(layer.bias());
    }
    return block;
  }

  /** The current parameters of a trained block. */
  static DenseNetwork parameters(SequentialBlock block) {
    List<DenseLayer> layers = new ArrayList<>();
    for (Linear linear : linears(block)) {
      NDArray w = linear.getParameters().get("weight").getArray();
      NDArray b = linear.getParameters().get("bias").getArray();
      Shape shape = w.getShape();
      layers.add(
          new DenseLayer(
              (int) shape.get(1), (int) shape.get(0), w.toFloatArray(), b.toFloatArray()));
    }
    return new DenseNetwork(layers);
  }

  private static List<Linear> linears(SequentialBlock block) {
    List<Linear> out = new ArrayList<>();
    for (Block child : block.getChildren().values()) {
      if (child instanceof Linear linear) {
        out.add(linear);
      }
    }
    return out;
  }
}
