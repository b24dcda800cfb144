package io.trigmon.simulation;

/**
 * The collisions of one process in one random sub-stream: collision i is always generated from the
 * same random numbers, re-seeded from (seed, stream, i), whatever came before it. Hands out the
 * collisions that pass the selection after the nuisance shifts, in order.
 */
final class ProcessChannel {

  /** Consecutive rejected collisions after which a selection is declared to accept nothing. */
  static final long MAX_CONSECUTIVE_REJECTIONS = 10_000_000;

  private final Process process;
  private final ProcessGenerator generator;
  private final Detector detector;
  private final NuisanceShifts shifts;
  private final Selection selection;
  private final long seed;
  private final long stream;
  private final SplitMix64Random rng = new SplitMix64Random(0);
  private long nextCollision;

  ProcessChannel(
      Process process,
      ProcessGenerator generator,
      Detector detector,
      NuisanceShifts shifts,
      Selection selection,
      long seed,
      long stream) {
    this.process = process;
    this.generator = generator;
    this.detector = detector;
    this.shifts = shifts;
    this.selection = selection;
    this.seed = seed;
    this.stream = stream;
  }

  /**
   * The measurement of collision {@code index} of this channel, before shifts and selection; null
   * when it was rejected early as failing the selection.
   */
  Candidate collision(long index) {
    rng.reset(seed, stream, index);
    return detector.measure(generator.generate(rng), rng);
  }

  /** The next collision that passes the selection after the shifts. */
  MeasuredObjects nextSelected() {
    for (long rejected = 0; rejected < MAX_CONSECUTIVE_REJECTIONS; rejected++) {
      Candidate candidate = collision(nextCollision++);
      if (candidate == null) {
        continue;
      }
      MeasuredObjects objects = candidate.measure(shifts);
      if (objects.passes(selection)) {
        return objects;
      }
    }
    throw new IllegalStateException(
        "the selection "
            + selection
            + " accepted none of "
            + MAX_CONSECUTIVE_REJECTIONS
            + " consecutive "
            + process
            + " collisions; choose a selection this process can pass");
  }

  /** Collisions generated so far (selected or not). */
  long collisions() {
    return nextCollision;
  }
}
