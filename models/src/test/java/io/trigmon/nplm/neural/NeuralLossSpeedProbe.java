package io.trigmon.nplm.neural;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.trigmon.mlp.Activation;
import io.trigmon.mlp.DenseNetwork;
import io.trigmon.mlp.Standardisation;
import io.trigmon.simulation.Process;
import io.trigmon.simulation.Regime;
import io.trigmon.simulation.Selection;
import io.trigmon.simulation.Simulator;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Not a unit test (no timing thresholds, not matched by the surefire includes): where the neural
 * NPLM's time goes per loss-and-gradient evaluation at the benchmark size (simulator Drell–Yan, N_R
 * = 10⁵, N_D = 2·10⁴, 5-5-5-5-1). Prints process-CPU and wall milliseconds per evaluation of the
 * DJL float64 loss and the plain-Java loss interleaved (A B A B), of the same graph in DJL float32,
 * and of DJL at a hundredth of the events (per-op overhead). DJL's threads come from {@code
 * -Dai.djl.pytorch.num_threads}. Run with {@code -Dtest=NeuralLossSpeedProbe
 * -Dsurefire.failIfNoSpecifiedTests=false} (optionally {@code -Dreps=100}). {@code
 * #convergenceTrace} prints τ against L-BFGS iterations for a null and a Z′ window with the
 * stopping rules off ({@code -Diterations=15000}).
 */
class NeuralLossSpeedProbe {

  private static final int[] SIZES = {5, 5, 5, 5, 1};

  @Test
  void millisecondsPerEvaluation() {
    int reps = Integer.getInteger("reps", 100);
    report(100_000, 20_000, reps, 3);
    report(1_000, 200, reps, 1);
  }

  @Test
  void convergenceTrace() {
    int iterations = Integer.getInteger("iterations", 15_000);
    double[][] reference = sample(1, 100_000);
    for (boolean signal : new boolean[] {false, true}) {
      Simulator.Builder window =
          Simulator.builder()
              .process(Process.DY)
              .regime(Regime.MUON_LIKE)
              .selection(Selection.dilepton(100))
              .seed(7 + (signal ? "zprime" : "null").hashCode());
      if (signal) {
        window.signal(io.trigmon.simulation.SignalInjection.count(Process.ZPRIME, 30));
      }
      String name = signal ? "Z′ window" : "null window";
      NeuralNplmFit fit =
          new NeuralNplm(
                  NeuralNplmConfig.defaults()
                      .withTolerance(0)
                      .withWindow(0, 0)
                      .withMaxIterations(iterations)
                      .withProgressEvery(500),
                  line -> System.out.println(name + " " + line))
              .test(
                  NeuralNplmProblem.withoutNuisances(
                      reference, 0.2, window.build().dileptonFeatures(20_000)));
      System.out.printf(
          Locale.ROOT,
          "%s: t = %.3f after %d iterations, %d evaluations, %.1f s%n",
          name,
          fit.t(),
          fit.iterations(),
          fit.evaluations(),
          fit.seconds());
    }
  }

  private static void report(int nR, int nD, int reps, int rounds) {
    double[][] ref = sample(1, nR);
    double[][] dat = sample(2, nD);
    Standardisation st = Standardisation.fit(ref);
    double[][] zR = st.apply(ref);
    double[][] zD = st.apply(dat);
    NeuralNplmProblem p = NeuralNplmProblem.withoutNuisances(ref, (double) nD / nR, dat);
    DenseNetwork net = DenseNetwork.initialised(SIZES, Activation.SIGMOID, 1);
    try (NplmObjective java = new JavaNplmLoss(zR, zD, p, SIZES, true, 1);
        NplmObjective djl = new NeuralNplmLoss(zR, zD, p, SIZES, true)) {
      double[] theta = java.start(net);
      double[] g = new double[theta.length];
      for (int i = 0; i < 20; i++) {
        java.valueAndGradient(theta, g);
        djl.valueAndGradient(theta, g);
      }
      for (int round = 0; round < rounds; round++) {
        for (NplmObjective o : new NplmObjective[] {djl, java}) {
          long wall = System.nanoTime();
          long cpu = processCpu();
          for (int i = 0; i < reps; i++) {
            theta[0] += 1e-7;
            o.valueAndGradient(theta, g);
          }
          print(o == java ? "plain Java f64" : "DJL f64", nR + nD, reps, wall, cpu);
        }
      }
    }
    djlFloat32(zR, zD, reps);
  }

  /** The same forward + backward graph as {@link NeuralNplmLoss} in float32. */
  private static void djlFloat32(double[][] zR, double[][] zD, int reps) {
    int n = zR.length + zD.length;
    float[] flat = new float[n * 5];
    for (int e = 0; e < n; e++) {
      double[] row = e < zR.length ? zR[e] : zD[e - zR.length];
      for (int j = 0; j < 5; j++) {
        flat[e * 5 + j] = (float) row[j];
      }
    }
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray x = manager.create(flat, new Shape(n, 5));
      long wall = 0;
      long cpu = 0;
      for (int r = 0; r < reps + 20; r++) {
        if (r == 20) {
          wall = System.nanoTime();
          cpu = processCpu();
        }
        try (NDManager scope = manager.newSubManager()) {
          scope.tempAttachAll(x);
          NDArray[] ps = new NDArray[8];
          for (int l = 0; l < 4; l++) {
            ps[2 * l] = scope.randomNormal(new Shape(SIZES[l], SIZES[l + 1]));
            ps[2 * l + 1] = scope.zeros(new Shape(SIZES[l + 1]));
          }
          for (NDArray q : ps) {
            q.setRequiresGradient(true);
          }
          try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
            NDArray h = x;
            for (int l = 0; l < 4; l++) {
              h = h.matMul(ps[2 * l]).add(ps[2 * l + 1]);
              if (l < 3) {
                h = ai.djl.nn.Activation.sigmoid(h);
              }
            }
            NDArray u = h.reshape(-1);
            NDArray loss =
                u.get("0:" + zR.length)
                    .exp()
                    .sub(1)
                    .sum()
                    .mul(0.2f)
                    .sub(u.get(zR.length + ":").sum());
            c.backward(loss);
            loss.getFloat();
          }
          for (NDArray q : ps) {
            q.getGradient().toFloatArray();
          }
        }
      }
      print("DJL f32", n, reps, wall, cpu);
    }
  }

  private static double[][] sample(long seed, int n) {
    return Simulator.builder()
        .process(Process.DY)
        .regime(Regime.MUON_LIKE)
        .selection(Selection.dilepton(100))
        .seed(seed)
        .build()
        .dileptonFeatures(n);
  }

  private static void print(String what, int n, int reps, long wall0, long cpu0) {
    System.out.printf(
        Locale.ROOT,
        "%-15s N=%6d: %6.2f ms wall, %6.2f ms process CPU per evaluation (load %.2f)%n",
        what,
        n,
        (System.nanoTime() - wall0) / 1e6 / reps,
        (processCpu() - cpu0) / 1e6 / reps,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
