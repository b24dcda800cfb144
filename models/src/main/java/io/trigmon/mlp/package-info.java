/**
 * Small dense networks shared by the δ̂ nuisance models and the neural NPLM: an immutable network
 * with a plain-Java forward pass (used for inference, so scoring never pays DJL's per-call
 * overhead), its trainable DJL counterpart, Adam steps with DJL, and input standardisation.
 */
package io.trigmon.mlp;
