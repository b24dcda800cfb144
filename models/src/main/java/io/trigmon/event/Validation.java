package io.trigmon.event;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

/**
 * The verdict on one input record: either a valid event, or every problem found. Stream processors
 * send the valid event on and the rest to {@code events.dlq}, with {@link #reason()} in the reason
 * header and {@link #summary()} as the human-readable detail.
 *
 * @param event the decoded event, also when it is invalid; null only when the bytes did not decode
 * @param problems every problem found, in a fixed order (decoding, identity, MET, electrons, muons,
 *     jets); empty when the event is valid
 */
public record Validation(Event event, List<Problem> problems) {

  public Validation {
    problems = List.copyOf(problems);
    if (event == null && problems.isEmpty()) {
      throw new IllegalArgumentException("a validation without an event must have a problem");
    }
  }

  /** A valid event. */
  public static Validation valid(Event event) {
    return new Validation(event, List.of());
  }

  /** Bytes that did not decode. */
  public static Validation undecodable(EventDecodeException failure) {
    return new Validation(null, List.of(new Problem(failure.reason(), failure.getMessage())));
  }

  public boolean isValid() {
    return problems.isEmpty();
  }

  /**
   * The reason a record is rejected: that of its first problem (for decoding failures the only
   * one).
   *
   * @throws NoSuchElementException if the event is valid
   */
  public Reason reason() {
    if (problems.isEmpty()) {
      throw new NoSuchElementException("a valid event has no reason");
    }
    return problems.get(0).reason();
  }

  /**
   * The valid event.
   *
   * @throws IllegalStateException if the record is not valid
   */
  public Event validEvent() {
    if (!isValid()) {
      throw new IllegalStateException("invalid event: " + summary());
    }
    return event;
  }

  /** All problems on one line, e.g. {@code "negative_pt: muons[0] pt=-3.0; non_finite: ..."}. */
  public String summary() {
    return isValid()
        ? "valid"
        : problems.stream().map(Problem::toString).collect(Collectors.joining("; "));
  }
}
