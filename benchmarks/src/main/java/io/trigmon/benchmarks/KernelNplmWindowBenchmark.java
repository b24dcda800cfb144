package io.trigmon.benchmarks;

import io.trigmon.nplm.KernelHyperParameters;
import io.trigmon.nplm.KernelNplm;
import io.trigmon.nplm.NplmOptions;
import io.trigmon.nuisance.NuisanceTerms;
import java.util.Map;
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
 * Seconds per window of the kernel NPLM test ({@link KernelNplm#test}: τ and Δ fits, t = τ − Δ) as
 * a function of N_D, N_R and M, without and with one shape nuisance (plus the 2.5 % normalisation
 * nuisance, as the monitor runs it). The reference is prepared once per trial, outside the
 * measurement ({@link KernelNplmPrepareBenchmark} times that); each measured invocation tests one
 * fresh-looking window (the windows rotate over {@value #WINDOWS} independent DY samples, so the
 * solver cannot reuse anything). Single-shot: a test is tens of milliseconds to seconds, and the
 * first windows include JIT warm-up, which the warm-up shot absorbs (mostly: see the report).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class KernelNplmWindowBenchmark {

  static final int WINDOWS = 3;

  @Param({"2000", "5000", "20000"})
  int nD;

  @Param({"20000", "100000"})
  int nR;

  @Param({"100", "300", "1000"})
  int m;

  @Param({"false", "true"})
  boolean nuisance;

  private KernelNplm nplm;
  private double[][][] windows;
  private NuisanceTerms[] windowTerms;
  private NplmOptions options;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    double[][] reference = DileptonSamples.drellYan(nR, 1);
    KernelHyperParameters hyper = KernelNplm.protocol(reference, m, 7);
    NuisanceTerms referenceTerms =
        nuisance ? DileptonSamples.pt1Slope(reference) : NuisanceTerms.none();
    nplm = KernelNplm.prepare(reference, referenceTerms, hyper);
    windows = new double[WINDOWS][][];
    windowTerms = new NuisanceTerms[WINDOWS];
    for (int w = 0; w < WINDOWS; w++) {
      windows[w] = DileptonSamples.drellYan(nD, 100 + w);
      windowTerms[w] = nuisance ? DileptonSamples.pt1Slope(windows[w]) : NuisanceTerms.none();
    }
    options =
        nuisance
            ? NplmOptions.expected(nD)
                .withNormSigma(NplmOptions.DEFAULT_NORM_SIGMA)
                .withAux(Map.of())
            : NplmOptions.expected(nD);
  }

  /** One window test. */
  @Benchmark
  public double testWindow() {
    int w = next++ % WINDOWS;
    return nplm.test(windows[w], windowTerms[w], options).t();
  }
}
