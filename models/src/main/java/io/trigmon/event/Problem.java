package io.trigmon.event;

import java.util.Objects;

/**
 * One thing wrong with an input record: the reason code that routes and counts it, and a detail for
 * the human reading the dead-letter topic (which object, which value).
 *
 * @param reason what kind of problem
 * @param detail where and what, e.g. {@code "jets[3] eta=7.2 beyond |eta| <= 5.0"}
 */
public record Problem(Reason reason, String detail) {

  public Problem {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    return reason.code() + ": " + detail;
  }
}
