package io.trigmon.broker;

import io.trigmon.event.Event;
import io.trigmon.event.Particle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Stand-in for {@code io.trigmon.event.EventCodec} (written on another branch) with the same
 * signatures, so the round-trip test moves to the real codec by changing one import.
 */
final class WireBytes {

  private WireBytes() {}

  static byte[] encode(Event e) {
    byte[] stream = e.stream().getBytes(StandardCharsets.UTF_8);
    int objects = 1 + e.electrons().size() + e.muons().size() + e.jets().size();
    ByteBuffer b =
        ByteBuffer.allocate(8 + 4 + 8 + 8 + 1 + stream.length + 3 + objects * 12)
            .order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(e.run()).putInt(e.lumisection()).putLong(e.eventNumber()).putLong(e.eventTimeNanos());
    b.put((byte) stream.length).put(stream);
    b.put((byte) e.electrons().size()).put((byte) e.muons().size()).put((byte) e.jets().size());
    put(b, e.met());
    e.electrons().forEach(p -> put(b, p));
    e.muons().forEach(p -> put(b, p));
    e.jets().forEach(p -> put(b, p));
    return b.array();
  }

  static Event decode(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    long run = b.getLong();
    int lumisection = b.getInt();
    long eventNumber = b.getLong();
    long time = b.getLong();
    byte[] stream = new byte[b.get()];
    b.get(stream);
    int electrons = b.get();
    int muons = b.get();
    int jets = b.get();
    Particle met = get(b);
    return new Event(
        run,
        lumisection,
        eventNumber,
        time,
        new String(stream, StandardCharsets.UTF_8),
        met,
        list(b, electrons),
        list(b, muons),
        list(b, jets));
  }

  private static void put(ByteBuffer b, Particle p) {
    b.putFloat(p.pt()).putFloat(p.eta()).putFloat(p.phi());
  }

  private static Particle get(ByteBuffer b) {
    return new Particle(b.getFloat(), b.getFloat(), b.getFloat());
  }

  private static List<Particle> list(ByteBuffer b, int count) {
    List<Particle> particles = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      particles.add(get(b));
    }
    return particles;
  }
}
