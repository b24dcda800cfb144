package io.trigmon.autoencoder;

/**
 * One line of training progress: the epoch (from 1), the mean training loss over its mini-batches,
 * the validation loss early stopping watches (mean score, plus λ·dCor² when decorrelating), and
 * whether it is the best so far.
 */
public record EpochProgress(
    int epoch, double trainLoss, double validationLoss, boolean best, double seconds) {

  @Override
  public String toString() {
    return String.format(
        "epoch %3d  train loss %.5f  validation loss %.5f%s  (%.1f s)",
        epoch, trainLoss, validationLoss, best ? "  *" : "", seconds);
  }
}
