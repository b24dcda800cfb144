/**
 * Seed-reproducible simulation of collision-like events (DESIGN §3), so that every model can be
 * trained and tested on events that behave like the benchmark without downloading a data set.
 *
 * <p>{@link io.trigmon.simulation.Simulator} is the entry point: a {@link
 * io.trigmon.simulation.Process} (Drell–Yan dileptons, the trigger-level SM mixture, the signals)
 * is generated at truth level from physical lineshapes and decay angles, passed through a simple
 * detector ({@link io.trigmon.simulation.Regime}: lepton resolution and momentum-scale
 * uncertainty), shifted by {@link io.trigmon.simulation.NuisanceShifts}, then selected ({@link
 * io.trigmon.simulation.Selection}). Every collision draws from its own counter-based random stream
 * ({@link io.trigmon.simulation.SplitMix64Random}), so the same seed gives the same events, a
 * nuisance shift changes the same collisions event by event, and injecting a signal leaves the
 * background collisions untouched.
 */
package io.trigmon.simulation;
