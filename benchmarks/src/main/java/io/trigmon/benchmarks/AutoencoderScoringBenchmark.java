package io.trigmon.benchmarks;

import io.trigmon.autoencoder.Architecture;
import io.trigmon.autoencoder.AutoencoderModel;
import io.trigmon.autoencoder.DenseNetwork;
import io.trigmon.autoencoder.DjlBatchScorer;
import io.trigmon.autoencoder.EncodedEvents;
import io.trigmon.autoencoder.FastAutoencoder;
import io.trigmon.autoencoder.Normaliser;
import io.trigmon.autoencoder.SyntheticEvents;
import io.trigmon.autoencoder.TestNetworks;
import io.trigmon.autoencoder.TrainingMode;
import io.trigmon.event.AutoencoderFeatures;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Nanoseconds per event of the autoencoder scorers, side by side: the two DJL-free forward passes
 * of {@link FastAutoencoder} — plain Java (loops C2 vectorises; batch 1 is its single-event path)
 * and the Vector API (register-blocked FMA, the forks run with {@code --add-modules
 * jdk.incubator.vector}) — and DJL micro-batches ({@link DjlBatchScorer}, one native call per
 * batch), each at micro-batches of 1, 64 and 1024 events, on one thread with PyTorch limited to one
 * thread. Every invocation scores the same {@value #EVENTS} standardised events, so JMH's "ns/op"
 * is ns per event. The 57-32-16-8-16-32-57 network has random Xavier-scaled weights (cost does not
 * depend on their values beyond ReLU sparsity, which is similar to a trained network's); the inputs
 * are SM-like events with their real padding.
 *
 * <p>Besides JMH's wall-clock score, each trial prints the benchmark thread's CPU time per event
 * over its measurement iterations ({@code thread-CPU <method> batch=<n>: … ns/event}): on a loaded
 * machine the wall time includes the time the thread waited for a core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "--add-modules=jdk.incubator.vector",
      "-Dai.djl.offline=true",
      "-Dai.djl.pytorch.num_threads=1",
      "-Dai.djl.pytorch.num_interop_threads=1"
    })
public class AutoencoderScoringBenchmark {

  static final int EVENTS = 1024;

  @Param({"1", "64", "1024"})
  int batch;

  private EncodedEvents encoded;
  private FastAutoencoder fast;
  private FastAutoencoder vector;
  private DjlBatchScorer djl;
  private float[][] xBatches;
  private float[][] maskBatches;
  private final float[] scores = new float[EVENTS];

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private boolean measuring;
  private long invocations;
  private long cpuAtStart;
  private long cpuNanos;
  private long cpuInvocations;

  @Setup(Level.Trial)
  public void setUp() {
    DenseNetwork network = TestNetworks.random(Architecture.standard(0), 1);
    AutoencoderModel model =
        new AutoencoderModel(TrainingMode.NOMINAL, Normaliser.identity(), network, List.of());
    encoded = model.encode(new SyntheticEvents(1).standardModel(EVENTS), (double[]) null);
    fast = FastAutoencoder.plainJava(network);
    vector = FastAutoencoder.vectorApi(network);
    djl = new DjlBatchScorer(network);
    int batches = EVENTS / batch;
    xBatches = new float[batches][];
    maskBatches = new float[batches][];
    for (int b = 0; b < batches; b++) {
      xBatches[b] = slice(encoded.x(), b * batch * 57, batch * 57);
      maskBatches[b] = slice(encoded.mask(), b * batch * 19, batch * 19);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown(BenchmarkParams params) {
    djl.close();
    // The machine is shared: thread CPU time per event is what one core costs, wall time is not.
    System.out.printf(
        Locale.ROOT,
        "%nthread-CPU %s batch=%d: %.1f ns/event%n",
        params.getBenchmark().replaceAll(".*\\.", ""),
        batch,
        cpuNanos / (double) (cpuInvocations * EVENTS));
  }

  @Setup(Level.Iteration)
  public void startIteration(IterationParams params) {
    measuring = params.getType() == IterationType.MEASUREMENT;
    invocations = 0;
    cpuAtStart = THREADS.getCurrentThreadCpuTime();
  }

  @TearDown(Level.Iteration)
  public void endIteration() {
    if (measuring) {
      cpuNanos += THREADS.getCurrentThreadCpuTime() - cpuAtStart;
      cpuInvocations += invocations;
    }
  }

  /** Plain Java: per-event calls at batch 1, the tiled batch pass otherwise. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public void plainJava(Blackhole blackhole) {
    score(fast, blackhole);
  }

  /**
   * The same with C2 allowed to unroll larger loop bodies ({@code -XX:LoopUnrollLimit=250}, default
   * 60): how much the default unrolling limit costs the vectorised loops.
   */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  @Fork(
      value = 1,
      jvmArgsAppend = {
        "--add-modules=jdk.incubator.vector",
        "-Dai.djl.offline=true",
        "-XX:LoopUnrollLimit=250"
      })
  public void plainJavaUnrolled(Blackhole blackhole) {
    score(fast, blackhole);
  }

  /** The Vector API pass: per-event calls at batch 1, tiles of 64 events otherwise. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public void vectorApi(Blackhole blackhole) {
    score(vector, blackhole);
  }

  private void score(FastAutoencoder scorer, Blackhole blackhole) {
    invocations++;
    if (batch == 1) {
      float[] x = encoded.x();
      float[] mask = encoded.mask();
      for (int e = 0; e < EVENTS; e++) {
        blackhole.consume(scorer.score(x, e * 57, mask, e * AutoencoderFeatures.SLOTS));
      }
      return;
    }
    for (int b = 0; b < xBatches.length; b++) {
      scorer.score(xBatches[b], maskBatches[b], batch, scores);
      blackhole.consume(scores);
    }
  }

  /** DJL: one Predictor call per micro-batch. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public void djlBatched(Blackhole blackhole) {
    invocations++;
    for (int b = 0; b < xBatches.length; b++) {
      blackhole.consume(djl.score(xBatches[b], maskBatches[b], batch));
    }
  }

  private static float[] slice(float[] values, int from, int length) {
    float[] out = new float[length];
    System.arraycopy(values, from, out, 0, length);
    return out;
  }
}
