package io.trigmon.autoencoder;

/**
 * One trained dense layer, y = W x + b, with W stored row-major as (outputs × inputs) — the layout
 * of a PyTorch {@code Linear} weight, so parameters move between DJL and plain Java unchanged.
 */
public record DenseLayer(int inputs, int outputs, float[] weight, float[] bias) {

  public DenseLayer {
    if (weight.length != inputs * outputs || bias.length != outputs) {
      throw new IllegalArgumentException(
          "a " + inputs + "→" + outputs + " layer needs " + inputs * outputs + " weights");
    }
    weight = weight.clone();
    bias = bias.clone();
  }

  @Override
  public float[] weight() {
    return weight.clone();
  }

  @Override
  public float[] bias() {
    return bias.clone();
  }

  /** W[out][in]. */
  public float weight(int out, int in) {
    return weight[out * inputs + in];
  }

  public float bias(int out) {
    return bias[out];
  }
}
