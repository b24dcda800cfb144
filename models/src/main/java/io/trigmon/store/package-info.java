/**
 * Model files: a directory per trained model (autoencoder, NPLM reference, nuisance δ̂ model,
 * calibration) with a versioned {@code manifest.json} that records the SHA-256 of every file, the
 * hyper-parameters and the reference sample the model belongs to. A tampered, missing or mismatched
 * file is refused when the model is opened, so a monitor never runs on a model it was not validated
 * with.
 */
package io.trigmon.store;
