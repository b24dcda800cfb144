/**
 * The neural NPLM (DESIGN §4, "Two implementations of f"): the papers' small MLP with sigmoid
 * activations and weight clipping, trained with DJL on the extended-likelihood NPLM loss jointly
 * with the nuisances. The reference implementation the kernel NPLM is cross-checked against; not in
 * the online path.
 */
package io.trigmon.nplm.neural;
