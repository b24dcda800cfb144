package io.trigmon.benchmarks;

import io.trigmon.nplm.KernelHyperParameters;
import io.trigmon.nplm.KernelNplm;
import io.trigmon.nuisance.NuisanceTerms;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Seconds to prepare a reference for the kernel NPLM ({@link KernelNplm#prepare}: standardisation,
 * Nyström feature map of K_MM, N_R × r features, the Gram matrix of features and δ̂), paid once per
 * reference and amortised over every window; versus N_R and M, with one shape nuisance (its δ̂
 * columns add little). The σ by protocol (a percentile of pairwise distances) is computed in
 * set-up, outside the measurement. No warm-up shot: one preparation is seconds of the same few
 * loops, compiled within the first second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 2)
@Fork(1)
public class KernelNplmPrepareBenchmark {

  @Param({"20000", "100000"})
  int nR;

  @Param({"100", "300", "1000"})
  int m;

  private double[][] reference;
  private NuisanceTerms terms;
  private KernelHyperParameters hyper;

  @Setup(Level.Trial)
  public void setUp() {
    reference = DileptonSamples.drellYan(nR, 1);
    terms = DileptonSamples.pt1Slope(reference);
    hyper = KernelNplm.protocol(reference, m, 7);
  }

  /** One preparation. */
  @Benchmark
  public KernelNplm prepare() {
    return KernelNplm.prepare(reference, terms, hyper);
  }
}
