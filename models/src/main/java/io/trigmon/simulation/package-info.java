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
 *
 * <p>Command-line options map one to one onto the API (values of nuisances always in σ):
 *
 * <pre>
 *   --process dy|sm|zprime|eft|four-lepton|large-met   Process.fromCliName
 *   --regime muon-like|electron-like|tau-like         Regime.fromCliName
 *   --events N --seed S                               events(N), Builder.seed(S)
 *   --nuisances scale-barrel=1,scale-endcap=-0.5,jes=1,norm=2   NuisanceShifts.parse
 *   --signal zprime:30 | eft:0.0025                   SignalInjection.parse (count or fraction)
 *   --no-mass-cut                                      Builder.massCut(false)
 *   --sm-mixture qcd=0.75,w=0.18,z=0.05,tt=0.02        SmMixture.parse
 *   --zprime-mass 300 --zprime-width 15 --eft-coupling 1.5   Builder.zPrime, eftCoupling (TeV⁻²)
 *   --run R --start 2026-11-23T12:00:00Z --rate 1000 --stream dimuon
 *   yield for FILE@YIELD                               Simulator.yieldRatio(collisions).ratio()
 * </pre>
 */
package io.trigmon.simulation;
