package io.trigmon.nuisance;

/**
 * How the δ̂ network of one nuisance was trained, recorded in the model's manifest.
 *
 * @param nuisance name
 * @param epochs Adam steps run
 * @param bestEpoch the epoch whose weights were kept (lowest validation loss)
 * @param trainLoss training loss at the best epoch
 * @param validationLoss validation loss at the best epoch
 * @param nullValidationLoss validation loss of r̂ ≡ 1 (what the network has to beat)
 * @param trainingEvents events used for training (nominal + varied)
 * @param seconds wall-clock training time
 */
public record DeltaTraining(
    String nuisance,
    int epochs,
    int bestEpoch,
    double trainLoss,
    double validationLoss,
    double nullValidationLoss,
    int trainingEvents,
    double seconds) {}
