/**
 * Calibration of the NPLM test statistic (DESIGN §4, §9): null toys drawn from the reference
 * hypothesis at ν* = 0 and ±1σ, the χ² degrees of freedom fitted by minimum Kolmogorov–Smirnov
 * distance with the goodness of fit reported, and the map from an observed t to a p-value
 * (empirical where the toys suffice, the fitted χ² tail beyond) and Z = Φ⁻¹(1 − p). Calibrations
 * are saved as model directories tied to their reference by SHA-256.
 */
package io.trigmon.calibration;
