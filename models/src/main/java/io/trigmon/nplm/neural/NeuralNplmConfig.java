package io.trigmon.nplm.neural;

/**
 * Settings of the neural NPLM. Defaults follow the reference code of the papers: 5-5-5-5-1 (three
 * hidden layers of 5), sigmoid, weight clipping 2.15, Adam, full batch; the papers train up to
 * 3·10⁵ epochs, which takes hours per test, so the number of epochs is an explicit choice.
 *
 * @param hidden widths of the hidden layers
 * @param weightClip W: every weight (not bias) is clipped to [−W, W] after each step
 * @param epochs full-batch Adam steps
 * @param learningRate Adam's step size
 * @param seed seed of the weight initialisation
 * @param progressEvery epochs between progress lines (0: none)
 */
public record NeuralNplmConfig(
    int[] hidden,
    double weightClip,
    int epochs,
    double learningRate,
    long seed,
    int progressEvery) {

  public NeuralNplmConfig {
    hidden = hidden.clone();
    if (hidden.length == 0) {
      throw new IllegalArgumentException("neural NPLM: at least one hidden layer");
    }
    if (!(weightClip > 0)) {
      throw new IllegalArgumentException("neural NPLM: weight clipping must be positive");
    }
    if (epochs <= 0) {
      throw new IllegalArgumentException("neural NPLM: epochs must be positive");
    }
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("neural NPLM: learning rate must be positive");
    }
  }

  /** 5-5-5-5-1, W = 2.15, learning rate 10⁻³ (Keras' Adam default, as in the papers). */
  public static NeuralNplmConfig papers(int epochs) {
    return new NeuralNplmConfig(new int[] {5, 5, 5}, 2.15, epochs, 1e-3, 1, 0);
  }

  public NeuralNplmConfig withWeightClip(double w) {
    return new NeuralNplmConfig(hidden, w, epochs, learningRate, seed, progressEvery);
  }

  public NeuralNplmConfig withLearningRate(double lr) {
    return new NeuralNplmConfig(hidden, weightClip, epochs, lr, seed, progressEvery);
  }

  public NeuralNplmConfig withSeed(long s) {
    return new NeuralNplmConfig(hidden, weightClip, epochs, learningRate, s, progressEvery);
  }

  public NeuralNplmConfig withProgressEvery(int every) {
    return new NeuralNplmConfig(hidden, weightClip, epochs, learningRate, seed, every);
  }

  int[] layerSizes(int inputs) {
    int[] sizes = new int[hidden.length + 2];
    sizes[0] = inputs;
    System.arraycopy(hidden, 0, sizes, 1, hidden.length);
    sizes[sizes.length - 1] = 1;
    return sizes;
  }
}
