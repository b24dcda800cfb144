package io.trigmon.autoencoder;

import io.trigmon.event.AutoencoderFeatures;
import java.util.List;

/**
 * Layer sizes of the dense autoencoder, input first: e.g. 57-32-16-8-16-32-57. Every layer but the
 * last is followed by a ReLU; the output layer is linear, since it reconstructs standardised
 * features of either sign. The output always has the 57 features; the input has 57 plus the number
 * of nuisance parameters when the network is parametrised in ν.
 */
public record Architecture(List<Integer> layers) {

  /** The default hidden layers between input and output: 32-16-8-16-32. */
  public static final List<Integer> DEFAULT_HIDDEN = List.of(32, 16, 8, 16, 32);

  public Architecture {
    layers = List.copyOf(layers);
    if (layers.size() < 2) {
      throw new IllegalArgumentException("an autoencoder needs at least an input and an output");
    }
    if (layers.get(layers.size() - 1) != AutoencoderFeatures.DIMENSION) {
      throw new IllegalArgumentException(
          "the output layer must have " + AutoencoderFeatures.DIMENSION + " units: " + layers);
    }
    if (layers.get(0) < AutoencoderFeatures.DIMENSION) {
      throw new IllegalArgumentException(
          "the input layer needs at least " + AutoencoderFeatures.DIMENSION + " units: " + layers);
    }
    for (int size : layers) {
      if (size <= 0) {
        throw new IllegalArgumentException("layer sizes must be positive: " + layers);
      }
    }
  }

  /** 57 (+ {@code extraInputs}) → hidden → 57. */
  public static Architecture of(List<Integer> hidden, int extraInputs) {
    List<Integer> all = new java.util.ArrayList<>();
    all.add(AutoencoderFeatures.DIMENSION + extraInputs);
    all.addAll(hidden);
    all.add(AutoencoderFeatures.DIMENSION);
    return new Architecture(all);
  }

  /** The default 57-32-16-8-16-32-57 network (plus ν inputs when parametrised). */
  public static Architecture standard(int extraInputs) {
    return of(DEFAULT_HIDDEN, extraInputs);
  }

  public int inputs() {
    return layers.get(0);
  }

  /** Number of inputs beyond the 57 features (the ν of a parametrised network). */
  public int extraInputs() {
    return inputs() - AutoencoderFeatures.DIMENSION;
  }

  /** Number of dense layers (weight matrices). */
  public int depth() {
    return layers.size() - 1;
  }

  /** Multiply-adds per event, the cost of one forward pass. */
  public long multiplyAdds() {
    long total = 0;
    for (int i = 0; i < depth(); i++) {
      total += (long) layers.get(i) * layers.get(i + 1);
    }
    return total;
  }

  @Override
  public String toString() {
    return String.join("-", layers.stream().map(String::valueOf).toList());
  }
}
