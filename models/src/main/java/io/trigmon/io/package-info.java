/**
 * Recorded streams in the layouts users already have (DESIGN §2): the HDF5 {@code Particles} array
 * of the 40 MHz anomaly-detection challenge (events), the per-feature HDF5 arrays of the NPLM
 * dimuon benchmark and CSV files (5D dilepton features). {@link io.trigmon.io.EventFiles} and
 * {@link io.trigmon.io.FeatureTable} are the entry points; every problem with a file is reported as
 * a {@link io.trigmon.io.RecordedFileException} that names the file and says how to fix it.
 */
package io.trigmon.io;
