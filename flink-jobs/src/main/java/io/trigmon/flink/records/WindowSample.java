package io.trigmon.flink.records;

import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * The events of one closed window of one stream, reduced to what its NPLM test reads, in canonical
 * order (event time, then features), with the window's expected count once it is known.
 *
 * @param stream trigger stream key
 * @param windowStartMillis window start, ms since the epoch (inclusive)
 * @param windowEndMillis window end, ms since the epoch (exclusive)
 * @param nEvents every valid event of the stream in the window
 * @param dileptons the NPLM features of the events with a lepton pair (N_D rows)
 * @param aeScores the autoencoder score of every event, in no particular order (NaN without an
 *     autoencoder)
 * @param expected N(R0) from the luminosity topic; null when it gave none for this window
 */
@TypeInfo(WindowSampleTypeInfoFactory.class)
public record WindowSample(
    String stream,
    long windowStartMillis,
    long windowEndMillis,
    int nEvents,
    double[][] dileptons,
    float[] aeScores,
    Double expected) {

  /** This window with its expected count. */
  public WindowSample withExpected(Double value) {
    return new WindowSample(
        stream, windowStartMillis, windowEndMillis, nEvents, dileptons, aeScores, value);
  }
}
