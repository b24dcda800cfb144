package io.trigmon.stream;

import java.util.Objects;

/**
 * A password or key that must never reach a log: {@link #toString()} prints {@value #MASK}, and
 * only {@link #reveal()} gives the text, at the one place that hands it to a client library.
 */
public final class Secret {

  /** What a secret prints as. */
  public static final String MASK = "******";

  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  public static Secret of(String value) {
    return new Secret(value);
  }

  /** The secret text. */
  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return MASK;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
