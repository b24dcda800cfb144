package io.trigmon.nplm.neural;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;

/**
 * e^x on every lane of a {@link DoubleVector}, bit-reproducible: the same bits whether HotSpot
 * interprets the code, compiles it with C1 or with C2.
 *
 * <p>Why not {@code lanewise(VectorOperators.EXP)}: C2 compiles it to the JDK's vector math library
 * (Intel SVML on x86), while the interpreter and C1 run the Java fallback, {@code Math.exp} per
 * lane; the two differ in the last bit on ≈ 5 % of arguments, and an L-BFGS fit of the neural NPLM
 * turns that into a different minimum on the first window of a JVM (t = 130.1 cold against 116.7
 * warm on the same window). Here every step is a lane-wise add, multiply, fused multiply-add,
 * min/max, integer add or shift, which IEEE 754 and the Vector API define to the bit.
 *
 * <p>The method: k = rint(x / ln 2) by the 1.5·2⁵² shifter trick, r = x − k ln 2 with ln 2 in two
 * parts (Cody–Waite), |r| ≤ ln 2 / 2; e^r by its Taylor polynomial of degree 13 (truncation error
 * below 10⁻¹⁷); then times 2^k as 2^k₁·2^k₂ with k₁ + k₂ = k, so that results down to the
 * subnormals and up to the overflow to +∞ need no special case. Accurate to ≈ 1 ulp (against {@code
 * Math.exp}'s correctly rounded result within 1 ulp); NaN in, NaN out.
 */
final class VectorExp {

  /** Arguments below give 0 and above +∞; clamping keeps k and the scale factors in range. */
  static final double LOW = -745.2;

  static final double HIGH = 709.8;
  static final double LOG2E = 1.4426950408889634;
  static final double LN2_HI = 0x1.62e42fefa39efp-1;
  static final double LN2_LO = 0x1.abc9e3b39803fp-56;

  /** 1.5·2⁵²: adding it rounds to an integer, which then sits in the low bits of the mantissa. */
  static final double SHIFTER = 0x1.8p52;

  private static final long SHIFTER_BITS = Double.doubleToRawLongBits(SHIFTER);
  private static final long BIAS = 1023;

  private VectorExp() {}

  /** e^x lane-wise. */
  static DoubleVector exp(DoubleVector x) {
    DoubleVector c = x.max(LOW).min(HIGH);
    DoubleVector t = c.fma(LOG2E, SHIFTER); // SHIFTER + k
    DoubleVector k = t.sub(SHIFTER);
    DoubleVector r = k.fma(k.broadcast(-LN2_LO), k.fma(k.broadcast(-LN2_HI), c));
    DoubleVector p = taylor(r);
    LongVector kBits = t.reinterpretAsLongs(); // SHIFTER_BITS + k
    LongVector k1Bits = k.fma(0.5, SHIFTER).reinterpretAsLongs(); // SHIFTER_BITS + rint(k / 2)
    DoubleVector twoToK1 = powerOfTwo(k1Bits.add(BIAS - SHIFTER_BITS));
    return p.mul(twoToK1).mul(powerOfTwo(kBits.sub(k1Bits).add(BIAS))); // k₂ = k − k₁
  }

  /** 2^j from j + 1023 (in 1 … 2046), which are the exponent bits. */
  private static DoubleVector powerOfTwo(LongVector biased) {
    return biased.lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
  }

  /** Σ_{i≤13} rⁱ / i! by Horner's rule, one fused multiply-add a term. */
  private static DoubleVector taylor(DoubleVector r) {
    DoubleVector p = r.fma(1.0 / 6227020800.0, 1.0 / 479001600.0);
    p = p.fma(r, p.broadcast(1.0 / 39916800.0));
    p = p.fma(r, p.broadcast(1.0 / 3628800.0));
    p = p.fma(r, p.broadcast(1.0 / 362880.0));
    p = p.fma(r, p.broadcast(1.0 / 40320.0));
    p = p.fma(r, p.broadcast(1.0 / 5040.0));
    p = p.fma(r, p.broadcast(1.0 / 720.0));
    p = p.fma(r, p.broadcast(1.0 / 120.0));
    p = p.fma(r, p.broadcast(1.0 / 24.0));
    p = p.fma(r, p.broadcast(1.0 / 6.0));
    p = p.fma(r, p.broadcast(0.5));
    p = p.fma(r, p.broadcast(1.0));
    return p.fma(r, p.broadcast(1.0));
  }
}
