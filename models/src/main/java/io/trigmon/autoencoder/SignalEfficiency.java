package io.trigmon.autoencoder;

/**
 * Quality of the score on one signal, in the challenge's convention: ROC AUC, and the signal
 * efficiency (TPR) at the score cuts where the SM efficiency (FPR) is 10⁻⁵ and 10⁻³.
 *
 * @param signal name of the signal sample
 * @param auc area under the ROC curve
 * @param tprAt1e5 TPR at FPR = 10⁻⁵ (resolved only with ≥ 10⁵ SM events; see {@code resolvable})
 * @param tprAt1e3 TPR at FPR = 10⁻³
 * @param resolvable whether the SM sample resolves FPR = 10⁻⁵ (N_SM ≥ 10⁵)
 */
public record SignalEfficiency(
    String signal, double auc, double tprAt1e5, double tprAt1e3, boolean resolvable) {

  /** Computes the figures from SM (background) and signal scores. */
  public static SignalEfficiency of(String signal, float[] background, float[] scores) {
    return new SignalEfficiency(
        signal,
        Roc.auc(background, scores),
        Roc.tprAtFpr(background, scores, 1e-5),
        Roc.tprAtFpr(background, scores, 1e-3),
        background.length >= 100_000);
  }
}
