package io.trigmon.simulation;

/**
 * Invariant-mass lineshapes of dilepton production in 13 TeV pp collisions, dσ/dM in arbitrary
 * units.
 *
 * <p>Drell–Yan: dσ/dM = (2M/s) σ̂(M²) dL/dτ with τ = M²/s. The partonic cross-section is the
 * leading-order qq̄ → γ*&#47;Z → ℓℓ one (PDG, "Cross-section formulae for specific processes"),
 *
 * <pre>
 *   σ̂(ŝ) ∝ (1/ŝ) Σ_q w_q [ Q_q² Q_ℓ² + 2 Q_q Q_ℓ v_q v_ℓ χ₁(ŝ) + (v_q² + a_q²)(v_ℓ² + a_ℓ²) χ₂(ŝ) ],
 *   χ₁ = κ ŝ (ŝ − M_Z²) / [(ŝ − M_Z²)² + Γ_Z² M_Z²],  χ₂ = κ² ŝ² / [(ŝ − M_Z²)² + Γ_Z² M_Z²],
 * </pre>
 *
 * with κ = 1/(4 sin²θ_W cos²θ_W), v_f = T₃ − 2Q_f sin²θ_W, a_f = T₃: the Z Breit–Wigner, the γ*
 * continuum and their interference (negative below the peak, positive above) in their physical
 * proportions. u- and d-type quarks enter with weights 2 : 1 (the uū : dd̄ luminosity ratio at the
 * LHC). The parton luminosity is modelled as dL/dτ ∝ τ^−{@value #LUMINOSITY_POWER} (1 − √τ)^{@value
 * #LUMINOSITY_FALLOFF}, which makes the continuum fall like M^−3.6 at low mass and steepen at high
 * mass (local index ≈ −3.8 at 300 GeV, ≈ −5 at 1.5 TeV), close to the measured 13 TeV spectrum.
 *
 * <p>A new resonance (Z′) keeps only the χ₂-like term with its own mass and width, times the same
 * luminosity. The EFT contact operator multiplies the Drell–Yan lineshape by (1 + c·M²)², with c =
 * c_W/Λ² in TeV⁻² and M in TeV.
 */
final class DrellYanLineshape {

  /** Collider energy, GeV. */
  static final double SQRT_S = 13000;

  /** Z boson mass and width, GeV (PDG). */
  static final double Z_MASS = 91.1876;

  static final double Z_WIDTH = 2.4952;

  /** Effective weak mixing angle, sin²θ_W (PDG, MS-bar at M_Z). */
  static final double SIN2_THETA_W = 0.23122;

  static final double LUMINOSITY_POWER = 1.3;
  static final double LUMINOSITY_FALLOFF = 12;

  private static final double KAPPA = 1 / (4 * SIN2_THETA_W * (1 - SIN2_THETA_W));
  private static final double LEPTON_CHARGE = -1;
  private static final double LEPTON_V = -0.5 + 2 * SIN2_THETA_W;
  private static final double LEPTON_A = -0.5;
  private static final double[] QUARK_WEIGHT = {2, 1};
  private static final double[] QUARK_CHARGE = {2.0 / 3, -1.0 / 3};
  private static final double[] QUARK_V = {
    0.5 - 4.0 / 3 * SIN2_THETA_W, -0.5 + 2.0 / 3 * SIN2_THETA_W
  };
  private static final double[] QUARK_A = {0.5, -0.5};

  private DrellYanLineshape() {}

  /** Drell–Yan (γ* and Z) dσ/dM at mass m (GeV), arbitrary units. */
  static double drellYan(double m) {
    double s = m * m;
    double mz2 = Z_MASS * Z_MASS;
    double denominator = (s - mz2) * (s - mz2) + Z_WIDTH * Z_WIDTH * mz2;
    double chi1 = KAPPA * s * (s - mz2) / denominator;
    double chi2 = KAPPA * KAPPA * s * s / denominator;
    double leptonZ = LEPTON_V * LEPTON_V + LEPTON_A * LEPTON_A;
    double sum = 0;
    for (int q = 0; q < QUARK_WEIGHT.length; q++) {
      double photon = QUARK_CHARGE[q] * QUARK_CHARGE[q] * LEPTON_CHARGE * LEPTON_CHARGE;
      double interference = 2 * QUARK_CHARGE[q] * LEPTON_CHARGE * QUARK_V[q] * LEPTON_V * chi1;
      double z = (QUARK_V[q] * QUARK_V[q] + QUARK_A[q] * QUARK_A[q]) * leptonZ * chi2;
      sum += QUARK_WEIGHT[q] * (photon + interference + z);
    }
    return 2 * m * sum / s * luminosity(m);
  }

  /** A spin-1 resonance of the given mass and width (GeV) decaying to leptons, dσ/dM. */
  static double resonance(double m, double mass, double width) {
    double s = m * m;
    double m2 = mass * mass;
    return 2 * m * s / ((s - m2) * (s - m2) + width * width * m2) * luminosity(m);
  }

  /** The EFT factor (1 + c·M²)² with c in TeV⁻² and m in GeV. */
  static double eftWeight(double m, double coupling) {
    double mTeV = m / 1000;
    double factor = 1 + coupling * mTeV * mTeV;
    return factor * factor;
  }

  /** Parton luminosity dL/dτ at τ = m²/s, arbitrary units. */
  static double luminosity(double m) {
    double rootTau = m / SQRT_S;
    if (rootTau >= 1) {
      return 0;
    }
    return Math.pow(rootTau * rootTau, -LUMINOSITY_POWER)
        * Math.pow(1 - rootTau, LUMINOSITY_FALLOFF);
  }
}
