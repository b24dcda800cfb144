package io.trigmon.nuisance;

import io.trigmon.mlp.Activation;

/**
 * Settings of δ̂ training. One network per shape nuisance maps standardised features to (δ̂_1,
 * δ̂_2); it is trained full-batch with Adam and stopped early on a validation split.
 *
 * @param hidden widths of the hidden layers (e.g. 16, 16)
 * @param activation hidden-layer activation
 * @param loss the classifier loss
 * @param maxEpochs upper bound on the number of full-batch Adam steps
 * @param learningRate Adam's step size
 * @param validationFraction fraction of every sample held out for early stopping
 * @param checkEvery epochs between validation checks
 * @param patience validation checks without improvement before stopping
 * @param seed seed of the weight initialisation and the train/validation split
 * @param batchSize varied events per Adam step (nominal events in proportion); 0 for full batch.
 *     Mini-batches reach the same loss in far fewer epochs on large samples
 */
public record DeltaTrainingConfig(
    int[] hidden,
    Activation activation,
    DeltaLoss loss,
    int maxEpochs,
    double learningRate,
    double validationFraction,
    int checkEvery,
    int patience,
    long seed,
    int batchSize) {

  public DeltaTrainingConfig {
    hidden = hidden.clone();
    require(hidden.length > 0, "hidden", "at least one hidden layer");
    for (int h : hidden) {
      require(h > 0, "hidden", "positive widths");
    }
    require(maxEpochs > 0, "maxEpochs", "a positive number");
    require(learningRate > 0 && learningRate < 1, "learningRate", "in (0, 1)");
    require(
        validationFraction > 0 && validationFraction < 0.9, "validationFraction", "in (0, 0.9)");
    require(checkEvery > 0, "checkEvery", "positive");
    require(patience > 0, "patience", "positive");
    require(batchSize >= 0, "batchSize", "0 (full batch) or positive");
  }

  /** 16-16 tanh network, cross-entropy, full batch, up to 2000 epochs at learning rate 0.01. */
  public static DeltaTrainingConfig defaults() {
    return new DeltaTrainingConfig(
        new int[] {16, 16},
        Activation.TANH,
        DeltaLoss.CROSS_ENTROPY,
        2000,
        0.01,
        0.2,
        10,
        15,
        1,
        0);
  }

  /**
   * Mini-batches of {@code batchSize} varied events, validation after every epoch, stop after
   * {@code patience} epochs without improvement.
   */
  public DeltaTrainingConfig withMiniBatches(int size, int epochs, int patienceEpochs) {
    return new DeltaTrainingConfig(
        hidden,
        activation,
        loss,
        epochs,
        learningRate,
        validationFraction,
        1,
        patienceEpochs,
        seed,
        size);
  }

  public DeltaTrainingConfig withMaxEpochs(int epochs) {
    return new DeltaTrainingConfig(
        hidden,
        activation,
        loss,
        epochs,
        learningRate,
        validationFraction,
        checkEvery,
        patience,
        seed,
        batchSize);
  }

  public DeltaTrainingConfig withLoss(DeltaLoss newLoss) {
    return new DeltaTrainingConfig(
        hidden,
        activation,
        newLoss,
        maxEpochs,
        learningRate,
        validationFraction,
        checkEvery,
        patience,
        seed,
        batchSize);
  }

  public DeltaTrainingConfig withSeed(long newSeed) {
    return new DeltaTrainingConfig(
        hidden,
        activation,
        loss,
        maxEpochs,
        learningRate,
        validationFraction,
        checkEvery,
        patience,
        newSeed,
        batchSize);
  }

  /** Layer sizes of the δ̂ network for {@code inputs} features: inputs, hidden…, 2. */
  public int[] layerSizes(int inputs) {
    int[] sizes = new int[hidden.length + 2];
    sizes[0] = inputs;
    System.arraycopy(hidden, 0, sizes, 1, hidden.length);
    sizes[sizes.length - 1] = 2;
    return sizes;
  }

  private static void require(boolean ok, String key, String what) {
    if (!ok) {
      throw new IllegalArgumentException("δ̂ training setting '" + key + "' must be " + what);
    }
  }
}
