/**
 * Systematic uncertainties as nuisance parameters (DESIGN §4): learned δ̂ models, the quadratic
 * Taylor expansion of the log density ratio log r̂(x;ν) between the reference at shifted nuisance
 * values ν and the nominal reference, and their auxiliary (Gaussian) constraints. ν is always in
 * units of its σ.
 */
package io.trigmon.nuisance;
