package io.trigmon.autoencoder;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the autoencoder is trained against nuisances (DESIGN §5). The names are the values of {@code
 * --mode} and of the {@code mode} parameter in a model's manifest.
 */
public enum TrainingMode {
  /** Nominal simulation only (ν = 0). */
  NOMINAL,
  /** Each training event shifted by ν drawn from the nuisances' priors, N(0, 1) in σ units. */
  AUGMENTED,
  /**
   * Augmented, plus a distance-correlation (DisCo) penalty between the per-event score and ν, so
   * that the score does not follow the nuisances. It can also hide a true shift (Ghosh &amp;
   * Nachman, EPJC 82 (2022) 46), so the monitor never relies on it alone.
   */
  DECORRELATED,
  /** Augmented, with ν (in σ units) as extra inputs; scored at the assumed ν (0 by default). */
  PARAMETRISED;

  /** The lower-case name used on the command line and in manifests. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether training events are shifted by random ν. */
  public boolean shiftsEvents() {
    return this != NOMINAL;
  }

  /** The mode with this name, case-insensitive; the message lists the valid ones. */
  public static TrainingMode of(String id) {
    for (TrainingMode mode : values()) {
      if (mode.id().equalsIgnoreCase(id)) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        "unknown training mode '"
            + id
            + "' (expected one of "
            + Arrays.stream(values()).map(TrainingMode::id).collect(Collectors.joining(", "))
            + ")");
  }
}
