/**
 * The trigger-level collision event (DESIGN §2) and everything that turns it into bytes or into
 * model inputs: the event record itself, its versioned binary codec and JSON form, the validator
 * that names every problem with a reason code, and the feature extractors that the autoencoder (57
 * inputs) and the NPLM test (5 inputs) read.
 */
package io.trigmon.event;
