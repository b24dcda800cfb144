package io.trigmon.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.NumberInput;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of an {@link Event}, for humans and tools (dead-letter dumps, replays from text,
 * {@code kafka-console-consumer}): one object per event, on one line.
 *
 * <pre>{@code
 * {"run":370293,"lumisection":42,"event":1234567,"time_ns":1700000000123456789,"stream":"dimuon",
 *  "met":{"pt":31.5,"phi":-2.1},
 *  "electrons":[],"muons":[{"pt":55.2,"eta":0.31,"phi":1.2},{"pt":41.0,"eta":-1.1,"phi":-1.9}],
 *  "jets":[{"pt":35.7,"eta":2.8,"phi":0.4}]}
 * }</pre>
 *
 * <p>Floats are written with the shortest decimal that reads back as the same float, and read as
 * floats (never through a double), so the JSON form round-trips exactly, as the binary one does.
 * NaN and infinities, which JSON numbers cannot hold, are written as the strings {@code "NaN"},
 * {@code "Infinity"}, {@code "-Infinity"} and read back, so that a rejected event can still be
 * shown as it was. Reading is strict: all of {@code run, lumisection, event, time_ns, stream, met}
 * are required, the object lists may be left out (empty), and a missing, duplicate, unknown or
 * mistyped field is an {@link EventDecodeException} ({@code undecodable}) that says which field and
 * where.
 */
public final class EventJson {

  /**
   * Schubfach for writing and FastDoubleParser for reading floats: both exact (shortest round-trip
   * digits; correctly rounded straight to float) and several times faster than the JDK's.
   */
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
          .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
          .build();

  private static final String RUN = "run";
  private static final String LUMISECTION = "lumisection";
  private static final String EVENT = "event";
  private static final String TIME_NS = "time_ns";
  private static final String STREAM = "stream";
  private static final String MET = "met";
  private static final String ELECTRONS = "electrons";
  private static final String MUONS = "muons";
  private static final String JETS = "jets";
  private static final String PT = "pt";
  private static final String ETA = "eta";
  private static final String PHI = "phi";

  private static final List<String> MET_FIELDS = List.of(PT, PHI);
  private static final List<String> OBJECT_FIELDS = List.of(PT, ETA, PHI);
  private static final List<String> EVENT_FIELDS =
      List.of(RUN, LUMISECTION, EVENT, TIME_NS, STREAM, MET, ELECTRONS, MUONS, JETS);

  private EventJson() {}

  // ---------------------------------------------------------------- writing

  /**
   * The event as one line of JSON.
   *
   * @throws IllegalArgumentException if the MET has η ≠ 0 (the form has no place for it)
   */
  public static String toJson(Event event) {
    if (event.met().eta() != 0f) {
      throw new IllegalArgumentException("MET η must be 0, got " + event.met().eta());
    }
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      write(event, g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void write(Event event, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeNumberField(RUN, event.run());
    g.writeNumberField(LUMISECTION, event.lumisection());
    g.writeNumberField(EVENT, event.eventNumber());
    g.writeNumberField(TIME_NS, event.eventTimeNanos());
    g.writeStringField(STREAM, event.stream());
    g.writeObjectFieldStart(MET);
    g.writeNumberField(PT, event.met().pt());
    g.writeNumberField(PHI, event.met().phi());
    g.writeEndObject();
    writeObjects(ELECTRONS, event.electrons(), g);
    writeObjects(MUONS, event.muons(), g);
    writeObjects(JETS, event.jets(), g);
    g.writeEndObject();
  }

  private static void writeObjects(String name, List<Particle> objects, JsonGenerator g)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (Particle p : objects) {
      g.writeStartObject();
      g.writeNumberField(PT, p.pt());
      g.writeNumberField(ETA, p.eta());
      g.writeNumberField(PHI, p.phi());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  // ---------------------------------------------------------------- reading

  /**
   * The event in this JSON text (one object, nothing after it).
   *
   * @throws EventDecodeException ({@code empty} for null or blank text, else {@code undecodable})
   *     if the text is not an event; nothing else is ever thrown
   */
  public static Event fromJson(String json) {
    if (json == null || json.isBlank()) {
      throw new EventDecodeException(Reason.EMPTY, "no JSON text");
    }
    try (JsonParser parser = FACTORY.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw fail(parser, "expected a JSON object");
      }
      Event event = readEvent(parser);
      if (parser.nextToken() != null) {
        throw fail(parser, "unexpected content after the event");
      }
      return event;
    } catch (JsonProcessingException e) {
      throw undecodable(e.getLocation(), e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new EventDecodeException(Reason.UNDECODABLE, e.toString(), e);
    } catch (EventDecodeException e) {
      throw e;
    } catch (RuntimeException e) {
      // Never expected from the checks above; mapped so that callers only ever see one exception.
      throw new EventDecodeException(Reason.UNDECODABLE, e.toString(), e);
    }
  }

  private static Event readEvent(JsonParser parser) throws IOException {
    Long run = null;
    Integer lumisection = null;
    Long eventNumber = null;
    Long timeNanos = null;
    String stream = null;
    Particle met = null;
    List<Particle> electrons = null;
    List<Particle> muons = null;
    List<Particle> jets = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      switch (field) {
        case RUN -> run = once(parser, field, run, readLong(parser, field));
        case LUMISECTION -> lumisection = once(parser, field, lumisection, readInt(parser, field));
        case EVENT -> eventNumber = once(parser, field, eventNumber, readLong(parser, field));
        case TIME_NS -> timeNanos = once(parser, field, timeNanos, readLong(parser, field));
        case STREAM -> stream = once(parser, field, stream, readString(parser, field));
        case MET -> met = once(parser, field, met, readMet(parser));
        case ELECTRONS -> electrons = once(parser, field, electrons, readObjects(parser, field));
        case MUONS -> muons = once(parser, field, muons, readObjects(parser, field));
        case JETS -> jets = once(parser, field, jets, readObjects(parser, field));
        default -> throw unknownField(parser, field, EVENT_FIELDS);
      }
    }
    require(parser, run, RUN);
    require(parser, lumisection, LUMISECTION);
    require(parser, eventNumber, EVENT);
    require(parser, timeNanos, TIME_NS);
    require(parser, stream, STREAM);
    require(parser, met, MET);
    return new Event(
        run,
        lumisection,
        eventNumber,
        timeNanos,
        stream,
        met,
        electrons == null ? List.of() : electrons,
        muons == null ? List.of() : muons,
        jets == null ? List.of() : jets);
  }

  private static Particle readMet(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw fail(parser, "'met' must be an object");
    }
    float[] values = readFloats(parser, MET, -1, MET_FIELDS);
    return new Particle(values[0], 0f, values[1]);
  }

  private static List<Particle> readObjects(JsonParser parser, String name) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw fail(parser, "'" + name + "' must be an array of {pt, eta, phi}");
    }
    List<Particle> objects = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        throw fail(parser, name + "[" + objects.size() + "] must be an object");
      }
      float[] v = readFloats(parser, name, objects.size(), OBJECT_FIELDS);
      objects.add(new Particle(v[0], v[1], v[2]));
    }
    return objects;
  }

  /**
   * Reads an object whose fields are exactly {@code fields}, all floats, in any order: the MET
   * ({@code index} −1) or element {@code index} of an object list. Error messages name it as {@code
   * muons[2].eta}; they are built only on failure.
   */
  private static float[] readFloats(JsonParser parser, String name, int index, List<String> fields)
      throws IOException {
    float[] values = new float[fields.size()];
    int seen = 0;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      int i = fields.indexOf(field);
      if (i < 0) {
        throw unknownField(parser, path(name, index, field), fields);
      }
      if ((seen & (1 << i)) != 0) {
        throw fail(parser, "duplicate field '" + path(name, index, field) + "'");
      }
      parser.nextToken();
      values[i] = readFloat(parser, name, index, field);
      seen |= 1 << i;
    }
    for (int i = 0; i < fields.size(); i++) {
      if ((seen & (1 << i)) == 0) {
        throw fail(parser, "missing field '" + path(name, index, fields.get(i)) + "'");
      }
    }
    return values;
  }

  private static String path(String name, int index, String field) {
    return (index < 0 ? name : name + "[" + index + "]") + "." + field;
  }

  private static float readFloat(JsonParser parser, String name, int index, String field)
      throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      // Parsed from the text straight to float: going through a double could round twice.
      return NumberInput.parseFloat(parser.getText(), true);
    }
    if (token == JsonToken.VALUE_STRING) {
      switch (parser.getText()) {
        case "NaN":
          return Float.NaN;
        case "Infinity":
          return Float.POSITIVE_INFINITY;
        case "-Infinity":
          return Float.NEGATIVE_INFINITY;
        default:
          break;
      }
    }
    throw fail(
        parser,
        "'"
            + path(name, index, field)
            + "' must be a number (or \"NaN\", \"Infinity\", \"-Infinity\")");
  }

  private static long readLong(JsonParser parser, String field) throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
      throw fail(parser, "'" + field + "' must be an integer");
    }
    return parser.getLongValue();
  }

  private static int readInt(JsonParser parser, String field) throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
      throw fail(parser, "'" + field + "' must be an integer");
    }
    return parser.getIntValue();
  }

  private static String readString(JsonParser parser, String field) throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw fail(parser, "'" + field + "' must be a string");
    }
    return parser.getText();
  }

  private static <T> T once(JsonParser parser, String field, T previous, T value) {
    if (previous != null) {
      throw fail(parser, "duplicate field '" + field + "'");
    }
    return value;
  }

  private static void require(JsonParser parser, Object value, String field) {
    if (value == null) {
      throw fail(parser, "missing field '" + field + "'");
    }
  }

  private static EventDecodeException fail(JsonParser parser, String message) {
    return undecodable(parser.currentLocation(), message, null);
  }

  private static EventDecodeException unknownField(
      JsonParser parser, String field, List<String> known) {
    return undecodable(
        parser.currentLocation(), "unknown field '" + field + "' (expected " + known + ")", null);
  }

  private static EventDecodeException undecodable(
      JsonLocation location, String message, Throwable cause) {
    String at =
        location == null || location.getLineNr() < 0
            ? ""
            : "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
    return new EventDecodeException(Reason.UNDECODABLE, at + message, cause);
  }
}
