package io.trigmon.flink.records;

import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * A decoded, valid event reduced to what the window test reads: its stream key, event time, the
 * five NPLM dilepton features (DESIGN §2) and its autoencoder score. It crosses the key-by shuffle
 * once per event, with its own serializer ({@link ScoredEventSerializer}).
 *
 * @param stream trigger stream key (the window key)
 * @param eventTimeNanos event time, ns since the epoch
 * @param dilepton (pT1, pT2, η1, η2, Δφ12) of the leading lepton pair; empty when the event has
 *     fewer than two leptons (it then counts in the window but not in the NPLM test)
 * @param aeScore autoencoder anomaly score (the forward pass computes it in float), NaN when no
 *     autoencoder is loaded
 */
@TypeInfo(ScoredEventSerializer.TypeInfoFactory.class)
public record ScoredEvent(String stream, long eventTimeNanos, double[] dilepton, float aeScore) {

  /** Whether the event has a lepton pair for the NPLM test. */
  public boolean hasDilepton() {
    return dilepton.length > 0;
  }
}
