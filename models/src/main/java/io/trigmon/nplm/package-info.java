/**
 * The NPLM two-sample test (DESIGN §4): a data window D is compared with a reference sample R by
 * fitting the log density ratio f(x) on the extended-likelihood loss, with learned shape nuisances
 * and a normalisation nuisance profiled out. {@link io.trigmon.nplm.KernelNplm} is the fast, online
 * Gaussian-kernel (Nyström) version: everything that depends only on the reference is prepared once
 * and reused for every window; its results are {@link io.trigmon.nplm.NplmResult}s (τ, Δ, t = τ −
 * Δ, ν̂).
 */
package io.trigmon.nplm;
