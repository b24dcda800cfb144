/**
 * Small dense networks shared by the δ̂ nuisance models and the neural NPLM: an immutable network
 * with a plain-Java forward pass (used for inference, so scoring never pays DJL's per-call
 * overhead) and Vector API ones for ReLU networks (the autoencoder: tiles of events and single
 * events; chosen by {@link io.trigmon.mlp.ForwardPasses} when the JVM has {@code
 * jdk.incubator.vector}), its trainable DJL counterpart, Adam steps with DJL, and input
 * standardisation.
 */
package io.trigmon.mlp;
