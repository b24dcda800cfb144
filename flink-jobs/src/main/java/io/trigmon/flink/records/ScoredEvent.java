package io.trigmon.flink.records;

/**
 * A decoded, valid event reduced to what the window test reads: its stream key, event time, the
 * five NPLM dilepton features (DESIGN §2) and its autoencoder score.
 *
 * @param stream trigger stream key (the window key)
 * @param eventTimeNanos event time, ns since the epoch
 * @param dilepton (pT1, pT2, η1, η2, Δφ12) of the leading lepton pair; empty when the event has
 *     fewer than two leptons (it then counts in the window but not in the NPLM test)
 * @param aeScore autoencoder anomaly score, NaN when no autoencoder is loaded
 */
public record ScoredEvent(String stream, long eventTimeNanos, double[] dilepton, double aeScore) {

  /** Whether the event has a lepton pair for the NPLM test. */
  public boolean hasDilepton() {
    return dilepton.length > 0;
  }
}
