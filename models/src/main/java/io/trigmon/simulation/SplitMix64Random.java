package io.trigmon.simulation;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * A Commons Math {@link RandomGenerator} on Steele, Lea and Flood's SplitMix64 (the generator
 * behind {@link java.util.SplittableRandom}): 64 bits of state, statistically strong (passes
 * BigCrush) and cheap to re-seed. The simulator re-seeds one instance per collision from (seed,
 * stream, index) with {@link #reset(long, long, long)}, so that each collision's draws are
 * independent of how many draws the previous ones made: the same collision is generated whatever
 * the nuisance shifts, the selection or the injected signal.
 */
public final class SplitMix64Random implements RandomGenerator {

  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private long state;
  private double nextGaussian = Double.NaN;

  /** A generator seeded from {@code seed}. */
  public SplitMix64Random(long seed) {
    setSeed(seed);
  }

  /** Re-seeds this generator for element {@code index} of sub-stream {@code stream} of a seed. */
  public void reset(long seed, long stream, long index) {
    state = derive(derive(seed, stream), index);
    nextGaussian = Double.NaN;
  }

  /** An independent 64-bit seed for sub-stream {@code key} of {@code seed}. */
  public static long derive(long seed, long key) {
    return mix(seed ^ mix(key * GOLDEN_GAMMA + GOLDEN_GAMMA));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  @Override
  public long nextLong() {
    state += GOLDEN_GAMMA;
    return mix(state);
  }

  @Override
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** A uniform double in (0, 1]: safe for logarithms and inverse power laws. */
  public double nextOpenDouble() {
    return ((nextLong() >>> 11) + 1) * 0x1.0p-53;
  }

  @Override
  public int nextInt() {
    return (int) (nextLong() >>> 32);
  }

  @Override
  public int nextInt(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("bound must be positive, got " + n);
    }
    return (int) ((nextLong() >>> 33) % n);
  }

  @Override
  public boolean nextBoolean() {
    return nextLong() < 0;
  }

  @Override
  public float nextFloat() {
    return (nextLong() >>> 40) * 0x1.0p-24f;
  }

  /** A standard normal deviate (Marsaglia's polar method; the second deviate is kept). */
  @Override
  public double nextGaussian() {
    if (!Double.isNaN(nextGaussian)) {
      double cached = nextGaussian;
      nextGaussian = Double.NaN;
      return cached;
    }
    double u;
    double v;
    double s;
    do {
      u = 2 * nextDouble() - 1;
      v = 2 * nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    double factor = Math.sqrt(-2 * Math.log(s) / s);
    nextGaussian = v * factor;
    return u * factor;
  }

  @Override
  public void nextBytes(byte[] bytes) {
    for (int i = 0; i < bytes.length; ) {
      long bits = nextLong();
      for (int k = 0; k < 8 && i < bytes.length; k++, bits >>>= 8) {
        bytes[i++] = (byte) bits;
      }
    }
  }

  @Override
  public void setSeed(int seed) {
    setSeed((long) seed);
  }

  @Override
  public void setSeed(int[] seed) {
    long combined = 0;
    for (int s : seed) {
      combined = derive(combined, s);
    }
    setSeed(combined);
  }

  @Override
  public void setSeed(long seed) {
    state = derive(seed, 0);
    nextGaussian = Double.NaN;
  }
}
