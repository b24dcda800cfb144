package io.trigmon.autoencoder;

import io.trigmon.mlp.Activation;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The trained parameters of the autoencoder, engine-independent: DJL trains them, {@link
 * FastAutoencoder} and {@link DjlBatchScorer} both load them. Stored in a model directory as {@code
 * weights.bin}: magic {@code TAEW}, format version, layer count, then per layer inputs, outputs, W
 * (row-major, outputs × inputs) and b, all little-endian 32-bit.
 */
public record DenseNetwork(List<DenseLayer> layers) {

  private static final int MAGIC = 0x57454154; // "TAEW" read little-endian
  private static final int FORMAT_VERSION = 1;

  public DenseNetwork {
    layers = List.copyOf(layers);
    for (int i = 1; i < layers.size(); i++) {
      if (layers.get(i).inputs() != layers.get(i - 1).outputs()) {
        throw new IllegalArgumentException("layer " + i + " does not fit the layer before it");
      }
    }
  }

  /** The layer sizes this network implements. */
  public Architecture architecture() {
    List<Integer> sizes = new ArrayList<>();
    sizes.add(layers.get(0).inputs());
    layers.forEach(l -> sizes.add(l.outputs()));
    return new Architecture(sizes);
  }

  /** The same parameters as an {@link io.trigmon.mlp.DenseNetwork} with ReLU hidden layers. */
  public io.trigmon.mlp.DenseNetwork mlp() {
    int[] sizes = architecture().layers().stream().mapToInt(Integer::intValue).toArray();
    float[][] weights = new float[layers.size()][];
    float[][] biases = new float[layers.size()][];
    for (int l = 0; l < layers.size(); l++) {
      weights[l] = layers.get(l).weight();
      biases[l] = layers.get(l).bias();
    }
    return new io.trigmon.mlp.DenseNetwork(sizes, Activation.RELU, weights, biases);
  }

  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      ByteBuffer header = little(12).putInt(MAGIC).putInt(FORMAT_VERSION).putInt(layers.size());
      out.write(header.array());
      for (DenseLayer layer : layers) {
        ByteBuffer buf = little(8 + 4 * (layer.weight().length + layer.outputs()));
        buf.putInt(layer.inputs()).putInt(layer.outputs());
        buf.asFloatBuffer().put(layer.weight()).put(layer.bias());
        out.write(buf.array());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Reads {@link #toBytes()}; a truncated or foreign file is refused with a reason. */
  public static DenseNetwork fromBytes(byte[] bytes) {
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    try {
      if (buf.getInt() != MAGIC) {
        throw new IllegalArgumentException("not an autoencoder weights file (bad magic)");
      }
      int version = buf.getInt();
      if (version != FORMAT_VERSION) {
        throw new IllegalArgumentException("unsupported weights format version " + version);
      }
      int count = buf.getInt();
      List<DenseLayer> layers = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        int in = buf.getInt();
        int out = buf.getInt();
        float[] w = new float[in * out];
        float[] b = new float[out];
        buf.asFloatBuffer().get(w).get(b);
        buf.position(buf.position() + 4 * (w.length + b.length));
        layers.add(new DenseLayer(in, out, w, b));
      }
      if (buf.hasRemaining()) {
        throw new IllegalArgumentException("weights file has trailing bytes");
      }
      return new DenseNetwork(layers);
    } catch (java.nio.BufferUnderflowException e) {
      throw new IllegalArgumentException("weights file is truncated", e);
    }
  }

  private static ByteBuffer little(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }
}
