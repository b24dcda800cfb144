/**
 * Systematic uncertainties as nuisance parameters (DESIGN §4): learned δ̂ models, the quadratic
 * Taylor expansion of the log density ratio log r̂(x;ν) between the reference at shifted nuisance
 * values ν and the nominal reference, and their auxiliary (Gaussian) constraints. ν is always in
 * units of its σ.
 *
 * <p>{@link io.trigmon.nuisance.DeltaTrainer} learns a {@link io.trigmon.nuisance.NuisanceModel}
 * with DJL from a nominal sample and varied samples; {@link
 * io.trigmon.nuisance.ExpansionOrderCheck} and {@link io.trigmon.nuisance.ClosureCheck} are the
 * binned cross-check of the expansion order and the closure test that a model must pass before it
 * is used.
 */
package io.trigmon.nuisance;
