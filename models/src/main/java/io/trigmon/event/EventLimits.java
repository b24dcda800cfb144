package io.trigmon.event;

/**
 * The ranges a physical trigger-level event lies in, which {@link EventValidator} enforces. They
 * reject what no detector produces (a value beyond the instrumented region, an absurd object
 * count), not what an analysis would cut away: a replayed recording must never lose genuine events
 * to the dead-letter topic.
 *
 * <ul>
 *   <li><b>Leptons, |η| ≤ 3.0.</b> Electrons and muons need a track. The current trackers reach |η|
 *       = 2.5 and the ATLAS muon spectrometer 2.7, and the public 40 MHz challenge dataset
 *       (arXiv:2107.02157), built for the upgraded CMS Level-1 trigger, keeps electrons up to |η| =
 *       3.0. 3.0 admits all of them and still rejects a lepton in the forward calorimeters.
 *   <li><b>Jets, |η| ≤ 5.0.</b> The forward calorimeters end at |η| ≈ 4.9 (ATLAS FCal) and 5.2 (CMS
 *       HF); jets are reconstructed up to |η| ≈ 4.7–4.9 because the cone must fit in.
 *   <li><b>MET, η = 0.</b> The missing transverse momentum is a transverse vector; the wire format
 *       does not even carry its η.
 *   <li><b>φ ∈ [−π, π]</b> for every object, compared in float precision (float π is a little above
 *       the double π, so an azimuth rounded to float from exactly π is accepted).
 *   <li><b>At most 64 objects of each type.</b> The 57-feature autoencoder layout keeps only the
 *       leading 4 electrons, 4 muons and 10 jets, so more objects are legitimate (busy QCD events
 *       have dozens of jets); 64 is far above any real trigger-level multiplicity and well below
 *       the codec's limit of 255.
 * </ul>
 *
 * @param leptonMaxAbsEta largest |η| of an electron or muon
 * @param jetMaxAbsEta largest |η| of a jet
 * @param maxObjectsPerType largest number of electrons, of muons and of jets in one event
 */
public record EventLimits(float leptonMaxAbsEta, float jetMaxAbsEta, int maxObjectsPerType) {

  /** The limits described above, used by the pipeline. */
  public static final EventLimits DEFAULT = new EventLimits(3.0f, 5.0f, 64);

  /** Largest |φ|: π rounded to float. */
  public static final float MAX_ABS_PHI = (float) Math.PI;

  public EventLimits {
    if (!(leptonMaxAbsEta > 0) || !(jetMaxAbsEta > 0)) {
      throw new IllegalArgumentException("η limits must be positive");
    }
    if (maxObjectsPerType < 0 || maxObjectsPerType > EventCodec.MAX_OBJECTS_PER_TYPE) {
      throw new IllegalArgumentException(
          "maxObjectsPerType must be in [0, " + EventCodec.MAX_OBJECTS_PER_TYPE + "]");
    }
  }

  /** Largest |η| of an object of this type (0 for the MET). */
  public float maxAbsEta(ObjectType type) {
    return switch (type) {
      case MET -> 0f;
      case ELECTRON, MUON -> leptonMaxAbsEta;
      case JET -> jetMaxAbsEta;
    };
  }
}
