package io.trigmon.simulation;

import io.trigmon.event.ObjectType;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How well the detector measures leptons, after the three regimes of the NPLM benchmark with
 * nuisances (d'Agnolo et al., EPJC 82 (2022) 275): the momentum-scale uncertainty σ in the barrel
 * (|η| &lt; {@value NuisanceShifts#BARREL_ETA}) and in the endcaps, the pT resolution, and the
 * lepton flavour of the dilepton processes. The resolution and scale apply to every lepton of an
 * event generated in this regime.
 *
 * <ul>
 *   <li>{@code muon-like}: scale 0.05 % / 0.15 %; muons measured in curvature, 1 % ⊕ 5·10⁻⁵·pT in
 *       the central barrel, growing by 60 % per unit |η| (≈ 2.4 % at |η| = 2.4; 5 % at 1 TeV
 *       central).
 *   <li>{@code electron-like}: scale 0.3 % / 0.9 %; electrons measured in a calorimeter, 10 %/√E ⊕
 *       0.7 %, growing by 40 % per unit |η|.
 *   <li>{@code tau-like}: scale 3 % in both; leptons (muons) from τ decays, whose visible momentum
 *       is measured only to 8 % ⊕ 10⁻⁴·pT, growing by 30 % per unit |η|.
 * </ul>
 */
public enum Regime {
  MUON_LIKE(
      "muon-like", ObjectType.MUON, 0.0005, 0.0015, new PtResolution(0.01, 0, 5e-5, 0.6, true)),
  ELECTRON_LIKE(
      "electron-like",
      ObjectType.ELECTRON,
      0.003,
      0.009,
      new PtResolution(0.007, 0.10, 0, 0.4, false)),
  TAU_LIKE("tau-like", ObjectType.MUON, 0.03, 0.03, new PtResolution(0.08, 0, 1e-4, 0.3, true));

  private final String cliName;
  private final ObjectType flavour;
  private final double barrelScaleSigma;
  private final double endcapScaleSigma;
  private final PtResolution resolution;

  Regime(
      String cliName,
      ObjectType flavour,
      double barrelScaleSigma,
      double endcapScaleSigma,
      PtResolution resolution) {
    this.cliName = cliName;
    this.flavour = flavour;
    this.barrelScaleSigma = barrelScaleSigma;
    this.endcapScaleSigma = endcapScaleSigma;
    this.resolution = resolution;
  }

  /** The name on the command line, e.g. {@code muon-like}. */
  public String cliName() {
    return cliName;
  }

  /** The lepton flavour of the dilepton processes (Drell–Yan, Z′, EFT) in this regime. */
  public ObjectType flavour() {
    return flavour;
  }

  /** Relative momentum-scale uncertainty (1σ) in the barrel, e.g. 0.0005 for 0.05 %. */
  public double barrelScaleSigma() {
    return barrelScaleSigma;
  }

  /** Relative momentum-scale uncertainty (1σ) in the endcaps. */
  public double endcapScaleSigma() {
    return endcapScaleSigma;
  }

  /** The momentum-scale uncertainty that applies at this pseudorapidity. */
  public double scaleSigma(double eta) {
    return Math.abs(eta) < NuisanceShifts.BARREL_ETA ? barrelScaleSigma : endcapScaleSigma;
  }

  /** Lepton pT resolution. */
  public PtResolution resolution() {
    return resolution;
  }

  /**
   * The regime with this command-line name (case-insensitive; {@code _} accepted for {@code -}).
   */
  public static Regime fromCliName(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (Regime regime : values()) {
      if (regime.cliName.equals(wanted)) {
        return regime;
      }
    }
    throw new IllegalArgumentException(
        "unknown regime '" + name + "' (expected one of " + cliNames() + ")");
  }

  /** All command-line names, comma-separated. */
  public static String cliNames() {
    return Arrays.stream(values()).map(Regime::cliName).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return cliName;
  }
}
