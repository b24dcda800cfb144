package io.trigmon.event;

/**
 * The kinds of object in a trigger-level event, with the type code of the public 40 MHz
 * anomaly-detection challenge layout (arXiv:2107.02157), where the fourth column of the {@code
 * Particles} array is 1 = MET, 2 = electron, 3 = muon, 4 = jet, 0 = padding.
 */
public enum ObjectType {
  MET(1, 1),
  ELECTRON(2, 4),
  MUON(3, 4),
  JET(4, 10);

  private final int code;
  private final int slots;

  ObjectType(int code, int slots) {
    this.code = code;
    this.slots = slots;
  }

  /** Type code in the challenge layout. */
  public int code() {
    return code;
  }

  /** Number of slots this type occupies in the 19-object challenge layout. */
  public int slots() {
    return slots;
  }

  /** The type with this challenge code; 0 (padding) and unknown codes are rejected. */
  public static ObjectType ofCode(int code) {
    for (ObjectType type : values()) {
      if (type.code == code) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown object type code " + code + " (expected 1..4)");
  }
}
