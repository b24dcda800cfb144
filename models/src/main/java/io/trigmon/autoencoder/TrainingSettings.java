package io.trigmon.autoencoder;

import java.util.List;

/**
 * Settings of autoencoder training, with defaults that train the standard network on ~10⁵ events in
 * a few minutes on one core.
 *
 * @param hidden hidden layer sizes (default 32-16-8-16-32)
 * @param maxEpochs upper bound on epochs
 * @param batchSize events per Adam step
 * @param learningRate Adam learning rate
 * @param patience epochs without a better validation loss before stopping (the best epoch's
 *     parameters are kept)
 * @param validationFraction share of the events held out for early stopping
 * @param discoWeight λ of the DisCo penalty (decorrelated mode only)
 * @param seed seed of the shuffles, the ν draws and the initial weights
 */
public record TrainingSettings(
    List<Integer> hidden,
    int maxEpochs,
    int batchSize,
    float learningRate,
    int patience,
    double validationFraction,
    double discoWeight,
    long seed) {

  public TrainingSettings {
    hidden = List.copyOf(hidden);
    require(maxEpochs > 0, "maxEpochs must be positive");
    require(batchSize > 1, "batchSize must be at least 2");
    require(learningRate > 0, "learningRate must be positive");
    require(patience > 0, "patience must be positive");
    require(
        validationFraction > 0 && validationFraction < 1, "validationFraction must be in (0, 1)");
    require(discoWeight >= 0, "discoWeight must not be negative");
  }

  public static TrainingSettings defaults() {
    return new TrainingSettings(Architecture.DEFAULT_HIDDEN, 30, 256, 2e-3f, 3, 0.2, 10, 1);
  }

  public TrainingSettings withMaxEpochs(int epochs) {
    return new TrainingSettings(
        hidden, epochs, batchSize, learningRate, patience, validationFraction, discoWeight, seed);
  }

  public TrainingSettings withSeed(long newSeed) {
    return new TrainingSettings(
        hidden,
        maxEpochs,
        batchSize,
        learningRate,
        patience,
        validationFraction,
        discoWeight,
        newSeed);
  }

  public TrainingSettings withDiscoWeight(double weight) {
    return new TrainingSettings(
        hidden, maxEpochs, batchSize, learningRate, patience, validationFraction, weight, seed);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
