package io.trigmon.simulation;

import io.trigmon.event.ObjectType;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The physics processes the simulator generates, with their command-line names.
 *
 * <ul>
 *   <li>{@code dy}: Drell–Yan γ*&#47;Z → ℓℓ, the NPLM reference (flavour from the {@link Regime}).
 *   <li>{@code sm}: the trigger-level Standard Model mixture for the autoencoder — QCD multijet,
 *       W+jets, tt̄, Z→ℓℓ+jets in the fractions of {@link SmMixture}.
 *   <li>{@code zprime}: Z′ → ℓℓ, a narrow resonance (300 GeV, Γ = 15 GeV by default).
 *   <li>{@code eft}: the excess the EFT contact operator adds to Drell–Yan, i.e. events drawn from
 *       dσ_DY/dM · [(1 + c·M²)² − 1]: injecting them into a Drell–Yan sample gives the EFT
 *       hypothesis.
 *   <li>{@code four-lepton}: a 500 GeV scalar decaying to ZZ → 4ℓ (unusual trigger topology).
 *   <li>{@code large-met}: an invisible system recoiling against jets (mono-jet-like, MET ≳ 150
 *       GeV).
 * </ul>
 */
public enum Process {
  DY("dy", false, true),
  SM("sm", false, false),
  ZPRIME("zprime", true, true),
  EFT("eft", true, true),
  FOUR_LEPTON("four-lepton", true, false),
  LARGE_MET("large-met", true, false);

  /** Stream key of trigger-level (non-dilepton) processes. */
  public static final String TRIGGER_STREAM = "ZeroBias";

  private final String cliName;
  private final boolean signal;
  private final boolean dilepton;

  Process(String cliName, boolean signal, boolean dilepton) {
    this.cliName = cliName;
    this.signal = signal;
    this.dilepton = dilepton;
  }

  /** The name on the command line, e.g. {@code four-lepton}. */
  public String cliName() {
    return cliName;
  }

  /**
   * Whether this is a signal (something to inject into a background), not a Standard Model sample.
   */
  public boolean isSignal() {
    return signal;
  }

  /** Whether this is a two-lepton process of the NPLM benchmark (selected like Drell–Yan). */
  public boolean isDilepton() {
    return dilepton;
  }

  /**
   * The trigger stream the events of this process arrive on by default: {@code dimuon} or {@code
   * dielectron} for dilepton processes (by the regime's flavour), {@value #TRIGGER_STREAM} for the
   * others.
   */
  public String defaultStream(Regime regime) {
    if (!dilepton) {
      return TRIGGER_STREAM;
    }
    return regime.flavour() == ObjectType.ELECTRON ? "dielectron" : "dimuon";
  }

  /**
   * The default selection: the NPLM dilepton selection with M12 &gt; {@value
   * Selection#NPLM_MASS_MIN} GeV for dilepton processes, none for the trigger-level ones.
   */
  public Selection defaultSelection() {
    return dilepton ? Selection.nplm() : Selection.NONE;
  }

  /**
   * The process with this command-line name (case-insensitive; {@code _} accepted for {@code -}).
   */
  public static Process fromCliName(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (Process process : values()) {
      if (process.cliName.equals(wanted)) {
        return process;
      }
    }
    throw new IllegalArgumentException(
        "unknown process '" + name + "' (expected one of " + cliNames() + ")");
  }

  /** All command-line names, comma-separated. */
  public static String cliNames() {
    return Arrays.stream(values()).map(Process::cliName).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return cliName;
  }
}
