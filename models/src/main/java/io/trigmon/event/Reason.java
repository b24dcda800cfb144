package io.trigmon.event;

/**
 * Why an input record is not a usable event. Each reason has a stable lower-snake-case {@link
 * #code()} that names it wherever a bad record is reported: the reason header of a record on the
 * dead-letter topic {@code events.dlq}, the {@code reason} label of {@code
 * trigmon_dlq_events_total}, logs. Codes are part of the public interface: add new ones, never
 * rename.
 *
 * <p>Decoders ({@link EventCodec}, {@link EventJson}) report the reasons up to {@link #UNDECODABLE}
 * and {@link #BAD_STREAM_KEY} (a key that is not UTF-8) in an {@link EventDecodeException}; {@link
 * EventValidator} reports the others on a decoded event.
 */
public enum Reason {
  /** No bytes at all (a null or zero-length record, e.g. a Kafka tombstone). */
  EMPTY("empty"),
  /** The record does not start with the codec's magic bytes: not an event of this format. */
  BAD_MAGIC("bad_magic"),
  /** The magic is right but the format version is not one this build reads. */
  WRONG_VERSION("wrong_version"),
  /** The record ends before the event it announces does. */
  TRUNCATED("truncated"),
  /** Bytes follow the end of the event. */
  TRAILING_BYTES("trailing_bytes"),
  /** Text that is not a well-formed event (JSON form): syntax, missing or mistyped fields. */
  UNDECODABLE("undecodable"),

  /**
   * The stream key is empty, too long, not valid UTF-8 or has characters outside the allowed set.
   */
  BAD_STREAM_KEY("bad_stream_key"),
  /** The event time is before the epoch. */
  NEGATIVE_TIME("negative_time"),
  /** A negative run, lumisection or event number. */
  NEGATIVE_ID("negative_id"),
  /** A NaN or infinite pT, η or φ. */
  NON_FINITE("non_finite"),
  /** A negative transverse momentum (of an object or of the MET). */
  NEGATIVE_PT("negative_pt"),
  /** |η| beyond the detector's acceptance for that object type ({@link EventLimits}). */
  ETA_OUT_OF_ACCEPTANCE("eta_out_of_acceptance"),
  /** φ outside [−π, π]. */
  PHI_OUT_OF_RANGE("phi_out_of_range"),
  /** More objects of one type than {@link EventLimits#maxObjectsPerType()}. */
  TOO_MANY_OBJECTS("too_many_objects");

  private final String code;

  Reason(String code) {
    this.code = code;
  }

  /** The stable code: a Kafka header value and a Prometheus label value. */
  public String code() {
    return code;
  }

  /** The reason with this code. */
  public static Reason ofCode(String code) {
    for (Reason reason : values()) {
      if (reason.code.equals(code)) {
        return reason;
      }
    }
    throw new IllegalArgumentException("unknown reason code '" + code + "'");
  }

  @Override
  public String toString() {
    return code;
  }
}
