package io.trigmon.event;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether an event may reach a model (DESIGN §2): it names every problem of an event, each
 * with its {@link Reason}, against the ranges of {@link EventLimits}. Nothing here throws on bad
 * input; {@link #decodeAndValidate(byte[])} is the one call with which the stream processors turn
 * any record into either a valid event or the problems to send to {@code events.dlq}.
 *
 * <p>Checks, in the order problems are listed: the stream key ({@link StreamKey}), the event time
 * (not before the epoch), run, lumisection and event number (not negative), then for the MET and
 * every electron, muon and jet: finite pT, η and φ, pT ≥ 0, |η| within acceptance (MET: η = 0), |φ|
 * ≤ π; and per type at most {@link EventLimits#maxObjectsPerType()} objects. A valid event
 * allocates nothing beyond its {@link Validation}.
 */
public final class EventValidator {

  private EventValidator() {}

  /** The problems of an event against the {@link EventLimits#DEFAULT default} limits. */
  public static Validation validate(Event event) {
    return validate(event, EventLimits.DEFAULT);
  }

  /** The problems of an event against the given limits. */
  public static Validation validate(Event event, EventLimits limits) {
    List<Problem> problems = null;
    problems = checkIdentity(event, problems);
    problems = checkObject("met", -1, event.met(), ObjectType.MET, limits, problems);
    problems = checkObjects("electrons", event.electrons(), ObjectType.ELECTRON, limits, problems);
    problems = checkObjects("muons", event.muons(), ObjectType.MUON, limits, problems);
    problems = checkObjects("jets", event.jets(), ObjectType.JET, limits, problems);
    return problems == null ? Validation.valid(event) : new Validation(event, problems);
  }

  /**
   * Decodes {@link EventCodec binary} bytes and validates the event against the default limits.
   * Never throws: bytes that do not decode give a validation without event and with the decoding
   * {@link Reason}.
   */
  public static Validation decodeAndValidate(byte[] bytes) {
    return decodeAndValidate(bytes, EventLimits.DEFAULT);
  }

  /** As {@link #decodeAndValidate(byte[])}, against the given limits. */
  public static Validation decodeAndValidate(byte[] bytes, EventLimits limits) {
    Event event;
    try {
      event = EventCodec.decode(bytes);
    } catch (EventDecodeException e) {
      return Validation.undecodable(e);
    }
    return validate(event, limits);
  }

  private static List<Problem> checkIdentity(Event event, List<Problem> problems) {
    if (!StreamKey.isValid(event.stream())) {
      problems =
          add(
              problems,
              Reason.BAD_STREAM_KEY,
              "stream '"
                  + printable(event.stream())
                  + "' is not 1-"
                  + StreamKey.MAX_LENGTH
                  + " characters of [A-Za-z0-9_.:-]");
    }
    if (event.eventTimeNanos() < 0) {
      problems = add(problems, Reason.NEGATIVE_TIME, "time_ns=" + event.eventTimeNanos());
    }
    if (event.run() < 0) {
      problems = add(problems, Reason.NEGATIVE_ID, "run=" + event.run());
    }
    if (event.lumisection() < 0) {
      problems = add(problems, Reason.NEGATIVE_ID, "lumisection=" + event.lumisection());
    }
    if (event.eventNumber() < 0) {
      problems = add(problems, Reason.NEGATIVE_ID, "event=" + event.eventNumber());
    }
    return problems;
  }

  private static List<Problem> checkObjects(
      String name,
      List<Particle> objects,
      ObjectType type,
      EventLimits limits,
      List<Problem> problems) {
    if (objects.size() > limits.maxObjectsPerType()) {
      problems =
          add(
              problems,
              Reason.TOO_MANY_OBJECTS,
              objects.size() + " " + name + ", at most " + limits.maxObjectsPerType());
    }
    for (int i = 0; i < objects.size(); i++) {
      problems = checkObject(name, i, objects.get(i), type, limits, problems);
    }
    return problems;
  }

  private static List<Problem> checkObject(
      String name,
      int index,
      Particle p,
      ObjectType type,
      EventLimits limits,
      List<Problem> problems) {
    float pt = p.pt();
    float eta = p.eta();
    float phi = p.phi();
    if (!Float.isFinite(pt)) {
      problems = add(problems, Reason.NON_FINITE, where(name, index, "pt", pt));
    } else if (pt < 0) {
      problems = add(problems, Reason.NEGATIVE_PT, where(name, index, "pt", pt));
    }
    float maxAbsEta = limits.maxAbsEta(type);
    if (!Float.isFinite(eta)) {
      problems = add(problems, Reason.NON_FINITE, where(name, index, "eta", eta));
    } else if (Math.abs(eta) > maxAbsEta) {
      problems =
          add(
              problems,
              Reason.ETA_OUT_OF_ACCEPTANCE,
              where(name, index, "eta", eta)
                  + (type == ObjectType.MET
                      ? " (MET eta must be 0)"
                      : " beyond |eta| <= " + maxAbsEta));
    }
    if (!Float.isFinite(phi)) {
      problems = add(problems, Reason.NON_FINITE, where(name, index, "phi", phi));
    } else if (Math.abs(phi) > EventLimits.MAX_ABS_PHI) {
      problems =
          add(
              problems,
              Reason.PHI_OUT_OF_RANGE,
              where(name, index, "phi", phi) + " outside [-pi, pi]");
    }
    return problems;
  }

  private static String where(String name, int index, String field, float value) {
    return (index < 0 ? name : name + "[" + index + "]") + " " + field + "=" + value;
  }

  private static List<Problem> add(List<Problem> problems, Reason reason, String detail) {
    List<Problem> list = problems == null ? new ArrayList<>() : problems;
    list.add(new Problem(reason, detail));
    return list;
  }

  /** The key with control and non-ASCII characters escaped, cut after 80 characters. */
  private static String printable(String key) {
    StringBuilder s = new StringBuilder();
    int shown = Math.min(key.length(), 80);
    for (int i = 0; i < shown; i++) {
      char c = key.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        s.append(c);
      } else {
        s.append(String.format("\\u%04x", (int) c));
      }
    }
    return shown < key.length() ? s + "..." : s.toString();
  }
}
