package io.trigmon.event;

import java.util.List;

/**
 * The 57 autoencoder inputs in the layout of the 40 MHz anomaly-detection challenge
 * (arXiv:2107.02157): 19 slots of (pT, η, φ) — MET, 4 electrons, 4 muons, 10 jets — each type
 * pT-ordered and zero-padded. Objects beyond a type's slots are dropped (the trigger keeps the
 * leading ones). The mask marks real objects, so that padded slots are left out of the
 * reconstruction error.
 */
public final class AutoencoderFeatures {

  /** Object slots: 1 MET + 4 electrons + 4 muons + 10 jets. */
  public static final int SLOTS = 19;

  /** Numbers per slot: pT, η, φ. */
  public static final int PER_SLOT = 3;

  /** Number of inputs, 19 × 3. */
  public static final int DIMENSION = SLOTS * PER_SLOT;

  private static final ObjectType[] SLOT_TYPES = slotTypes();

  private AutoencoderFeatures() {}

  /** The 57 features of an event. */
  public static float[] of(Event event) {
    float[] out = new float[DIMENSION];
    fill(event, out, 0, null, 0);
    return out;
  }

  /**
   * Writes the 57 features of an event into {@code out} from {@code offset} and, when {@code mask}
   * is not null, 1 for a real object and 0 for padding into the 19 slots from {@code maskOffset}.
   * Batch scorers fill one flat array per micro-batch this way, without allocating per event.
   */
  public static void fill(Event event, float[] out, int offset, float[] mask, int maskOffset) {
    int slot = 0;
    for (ObjectType type : ObjectType.values()) {
      List<Particle> objects = sortedObjects(event, type);
      for (int i = 0; i < type.slots(); i++, slot++) {
        int at = offset + slot * PER_SLOT;
        boolean present = i < objects.size();
        Particle p = present ? objects.get(i) : null;
        out[at] = present ? p.pt() : 0f;
        out[at + 1] = present ? p.eta() : 0f;
        out[at + 2] = present ? p.phi() : 0f;
        if (mask != null) {
          mask[maskOffset + slot] = present ? 1f : 0f;
        }
      }
    }
  }

  /** The object type of each of the 19 slots. */
  public static ObjectType slotType(int slot) {
    return SLOT_TYPES[slot];
  }

  private static List<Particle> sortedObjects(Event event, ObjectType type) {
    List<Particle> objects = event.objects(type);
    if (objects.size() <= 1 || isOrdered(objects)) {
      return objects;
    }
    return objects.stream().sorted(Event.BY_DECREASING_PT).toList();
  }

  private static boolean isOrdered(List<Particle> objects) {
    for (int i = 1; i < objects.size(); i++) {
      if (objects.get(i).pt() > objects.get(i - 1).pt()) {
        return false;
      }
    }
    return true;
  }

  private static ObjectType[] slotTypes() {
    ObjectType[] types = new ObjectType[SLOTS];
    int slot = 0;
    for (ObjectType type : ObjectType.values()) {
      for (int i = 0; i < type.slots(); i++) {
        types[slot++] = type;
      }
    }
    return types;
  }
}
