/**
 * The autoencoder anomaly score (DESIGN §5): a dense autoencoder on the 57 challenge-layout inputs,
 * trained with DJL (PyTorch engine) on simulated SM events in one of four modes against nuisances
 * (nominal, augmented, DisCo-decorrelated, parametrised in ν); the score is the reconstruction
 * error over the objects an event really has. Scoring in the stream never pays DJL's per-call
 * overhead: {@link io.trigmon.autoencoder.FastAutoencoder} scores with the Vector API forward
 * passes ({@link io.trigmon.mlp.VectorTilePass} for batches, {@link
 * io.trigmon.mlp.VectorForwardPass} for one event) where the JVM has {@code jdk.incubator.vector},
 * else with the shared plain-Java one ({@link io.trigmon.mlp.ForwardPass}), one event or
 * micro-batches, over the same trained parameters; {@link io.trigmon.autoencoder.DjlBatchScorer}
 * scores DJL micro-batches.
 */
package io.trigmon.autoencoder;
