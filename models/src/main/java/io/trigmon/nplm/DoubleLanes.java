package io.trigmon.nplm;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The one vector shape of the NPLM's double-precision Vector API code — the kernel's {@link
 * RowKernels} and the neural NPLM's block math: 256-bit vectors of 4 doubles whatever the machine's
 * widest. Why one shape for both: (1) results do not depend on the machine (AVX2 and AVX-512 give
 * the same bits); (2) one vector shape per JVM — after the kernel NPLM had run 256-bit code, the
 * neural block math on 512-bit vectors ran at 2.32 ms per loss evaluation against 1.36 without the
 * kernel first (N = 24,000, JDK 17: the JDK's shared vector methods then see two shapes and C2 no
 * longer compiles them to vector instructions); with 256 bits 1.49–1.54 either way. Load only where
 * {@code ForwardPasses.useVectorApi()} (it needs the incubator module).
 */
public final class DoubleLanes {

  /** 256-bit vectors of 4 doubles. */
  public static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_256;

  private DoubleLanes() {}

  /** Whether {@link #SPECIES} runs in hardware here (else the Vector API would emulate it). */
  public static boolean inHardware() {
    return DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= SPECIES.vectorBitSize();
  }
}
