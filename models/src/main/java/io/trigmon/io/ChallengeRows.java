package io.trigmon.io;

import io.trigmon.event.AutoencoderFeatures;
import io.trigmon.event.Event;
import io.trigmon.event.ObjectType;
import io.trigmon.event.Particle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Conversion between an event and one row of the challenge {@code Particles} array: 19 slots (0
 * MET, 1-4 electrons, 5-8 muons, 9-18 jets, the slots of {@link AutoencoderFeatures}) of (pT, η, φ,
 * type code), type 0 for padding. Rows are kept flat, 76 floats per event, row-major as HDF5 stores
 * them.
 */
final class ChallengeRows {

  /** Numbers per slot: pT, η, φ, type code. */
  static final int PER_SLOT = 4;

  /** Floats per event row. */
  static final int ROW = AutoencoderFeatures.SLOTS * PER_SLOT;

  private final float[] features = new float[AutoencoderFeatures.DIMENSION];
  private final float[] mask = new float[AutoencoderFeatures.SLOTS];

  /**
   * Writes the row of an event into {@code out} from {@code offset}. Objects beyond a type's slots
   * are dropped, as in {@link AutoencoderFeatures}. Not thread-safe (reuses scratch arrays).
   */
  void fill(Event event, float[] out, int offset) {
    AutoencoderFeatures.fill(event, features, 0, mask, 0);
    for (int slot = 0; slot < AutoencoderFeatures.SLOTS; slot++) {
      int from = slot * AutoencoderFeatures.PER_SLOT;
      int to = offset + slot * PER_SLOT;
      out[to] = features[from];
      out[to + 1] = features[from + 1];
      out[to + 2] = features[from + 2];
      out[to + 3] = mask[slot] > 0 ? AutoencoderFeatures.slotType(slot).code() : 0f;
    }
  }

  /**
   * The objects of row {@code index} of a flat {@code Particles} array, checking that every slot
   * holds padding (type 0) or its own type.
   *
   * @return MET (zero when its slot is padded), electrons, muons, jets
   */
  static Objects read(float[] particles, int index, Path file) {
    Particle met = Particle.met(0, 0);
    List<Particle> electrons = new ArrayList<>(2);
    List<Particle> muons = new ArrayList<>(2);
    List<Particle> jets = new ArrayList<>(4);
    int base = index * ROW;
    for (int slot = 0; slot < AutoencoderFeatures.SLOTS; slot++) {
      int at = base + slot * PER_SLOT;
      float code = particles[at + 3];
      if (code == 0f) {
        continue;
      }
      ObjectType expected = AutoencoderFeatures.slotType(slot);
      if (code != expected.code()) {
        throw new RecordedFileException(
            file,
            "Particles["
                + index
                + ", "
                + slot
                + "] has type code "
                + code
                + "; slot "
                + slot
                + " holds "
                + expected
                + " (code "
                + expected.code()
                + ") or padding (0): slots are 0 MET, 1-4 electrons, 5-8 muons, 9-18 jets");
      }
      Particle p = new Particle(particles[at], particles[at + 1], particles[at + 2]);
      switch (expected) {
        case MET -> met = p;
        case ELECTRON -> electrons.add(p);
        case MUON -> muons.add(p);
        case JET -> jets.add(p);
      }
    }
    return new Objects(met, electrons, muons, jets);
  }

  /** The reconstructed objects of one row. */
  record Objects(
      Particle met, List<Particle> electrons, List<Particle> muons, List<Particle> jets) {}
}
