package io.trigmon.event;

import java.util.Objects;

/**
 * Bytes or text that are not an event, with the {@link Reason} a dead-letter record carries.
 * Decoders throw nothing else on any input.
 *
 * <p>Unchecked, like Kafka's {@code SerializationException}, so that codecs fit deserialiser
 * interfaces; callers that route bad records use {@link EventValidator#decodeAndValidate(byte[])},
 * which throws nothing. No stack trace is recorded: a flood of bad records must stay cheap, and the
 * reason and message say everything.
 */
public final class EventDecodeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Reason reason;

  public EventDecodeException(Reason reason, String message) {
    this(reason, message, null);
  }

  public EventDecodeException(Reason reason, String message, Throwable cause) {
    super(reason.code() + ": " + message, cause, false, false);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Why the input does not decode. */
  public Reason reason() {
    return reason;
  }
}
