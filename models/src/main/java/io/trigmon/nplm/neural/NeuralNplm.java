package io.trigmon.nplm.neural;

import io.trigmon.mlp.Activation;
import io.trigmon.mlp.DenseNetwork;
import io.trigmon.mlp.Standardisation;
import io.trigmon.nuisance.NuisanceTerms;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The neural NPLM test (DESIGN §4): τ from f = the papers' MLP (default 5-5-5-5-1, sigmoid, weight
 * clipping W = 2.15) fitted jointly with the nuisances ν on the extended-likelihood loss of {@link
 * NeuralNplmProblem}; Δ from the ν-only fit of the same loss (f ≡ 0); t = τ − Δ. The loss and its
 * gradient over the full batch in double precision come from a hand-written backward pass in plain
 * Java ({@link JavaNplmLoss}, the default, for speed) or from DJL autograd ({@link
 * NeuralNplmLoss}); the steps are a projected L-BFGS by default ({@link ProjectedLbfgs}) or the
 * papers' Adam. The output layer starts at zero, so training starts from the reference hypothesis
 * (f ≡ 0, L = 0).
 *
 * <p>With the DJL backend not thread-safe across instances: PyTorch allows one gradient recording
 * per JVM at a time.
 */
public final class NeuralNplm {

  /** Name of the normalisation nuisance in ν̂ (as in the kernel NPLM). */
  public static final String NORM = "norm";

  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPSILON = 1e-7;

  private final NeuralNplmConfig config;
  private final Consumer<String> progress;

  public NeuralNplm(NeuralNplmConfig config, Consumer<String> progress) {
    this.config = config;
    this.progress = progress;
  }

  public NeuralNplmConfig config() {
    return config;
  }

  /** Fits τ (f and ν) and Δ (ν only) on one reference/data pair. */
  public NeuralNplmFit test(NeuralNplmProblem problem) {
    long start = System.nanoTime();
    Standardisation standardisation = Standardisation.fit(problem.reference());
    double[][] zR = standardisation.apply(problem.reference());
    double[][] zD = standardisation.apply(problem.data());
    int[] sizes = config.layerSizes(standardisation.dimension());
    DenseNetwork initial =
        zeroOutput(DenseNetwork.initialised(sizes, Activation.SIGMOID, config.seed()));
    double[] theta;
    double tauLoss;
    DenseNetwork trained;
    int iterations;
    int evaluations;
    double[] nuTau;
    try (NplmObjective loss = objective(zR, zD, problem, sizes, true)) {
      Fitted fit = minimise(loss, loss.start(initial), start);
      theta = fit.theta;
      iterations = fit.iterations;
      trained = loss.network(theta);
      nuTau = loss.nuisances(theta);
      tauLoss = loss.valueAndGradient(theta, new double[theta.length]);
      evaluations = loss.evaluations();
    }
    double deltaLoss = 0;
    double[] nuDelta = new double[nuTau.length];
    if (nuTau.length > 0) {
      try (NplmObjective loss = objective(zR, zD, problem, sizes, false)) {
        ProjectedLbfgs.Result fit =
            lbfgs()
                .minimise(
                    loss::valueAndGradient,
                    new double[nuTau.length],
                    unbounded(nuTau.length, Double.NEGATIVE_INFINITY),
                    unbounded(nuTau.length, Double.POSITIVE_INFINITY));
        deltaLoss = fit.value();
        nuDelta = fit.theta();
        iterations += fit.iterations();
        evaluations += loss.evaluations();
      }
    }
    // f is held in float in the returned network; τ is −2 L at the double-precision optimum.
    return new NeuralNplmFit(
        -2 * tauLoss,
        -2 * deltaLoss,
        named(problem, nuTau),
        named(problem, nuDelta),
        iterations,
        evaluations,
        (System.nanoTime() - start) / 1e9,
        trained,
        standardisation);
  }

  private NplmObjective objective(
      double[][] zR, double[][] zD, NeuralNplmProblem problem, int[] sizes, boolean withNetwork) {
    return config.backend() == NeuralNplmConfig.Backend.DJL
        ? new NeuralNplmLoss(zR, zD, problem, sizes, withNetwork)
        : new JavaNplmLoss(zR, zD, problem, sizes, withNetwork, config.threads());
  }

  private record Fitted(double[] theta, int iterations) {}

  private Fitted minimise(NplmObjective loss, double[] start, long started) {
    double[] lower = loss.lowerBounds(config.weightClip());
    double[] upper = loss.upperBounds(config.weightClip());
    if (config.optimiser() == NeuralNplmConfig.Optimiser.LBFGS) {
      ProjectedLbfgs.Result r =
          lbfgs()
              .minimise(
                  loss::valueAndGradient,
                  start,
                  lower,
                  upper,
                  (i, f) -> {
                    if (config.progressEvery() > 0 && i % config.progressEvery() == 0) {
                      report(i, f, started);
                    }
                  });
      return new Fitted(r.theta(), r.iterations());
    }
    return new Fitted(adam(loss, start, lower, upper, started), config.maxIterations());
  }

  private ProjectedLbfgs lbfgs() {
    return new ProjectedLbfgs(
        config.maxIterations(),
        config.tolerance(),
        NeuralNplmConfig.PATIENCE,
        10,
        config.window(),
        config.relativeTolerance());
  }

  /** The papers' full-batch Adam (Keras constants), weights clipped after each epoch. */
  private double[] adam(
      NplmObjective loss, double[] start, double[] lower, double[] upper, long started) {
    double[] theta = start.clone();
    double[] g = new double[theta.length];
    double[] m = new double[theta.length];
    double[] v = new double[theta.length];
    double lr = config.learningRate();
    for (int epoch = 1; epoch <= config.maxIterations(); epoch++) {
      double value = loss.valueAndGradient(theta, g);
      double c1 = 1 - Math.pow(BETA1, epoch);
      double c2 = 1 - Math.pow(BETA2, epoch);
      for (int i = 0; i < theta.length; i++) {
        m[i] = BETA1 * m[i] + (1 - BETA1) * g[i];
        v[i] = BETA2 * v[i] + (1 - BETA2) * g[i] * g[i];
        theta[i] -= lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + EPSILON);
        theta[i] = Math.max(lower[i], Math.min(upper[i], theta[i]));
      }
      if (config.progressEvery() > 0 && epoch % config.progressEvery() == 0) {
        report(epoch, value, started);
      }
    }
    return theta;
  }

  private void report(int iterations, double loss, long started) {
    if (config.progressEvery() > 0) {
      progress.accept(
          String.format(
              java.util.Locale.ROOT,
              "  neural NPLM: %d iterations, loss %.4f (τ ≈ %.3f), %.1f s",
              iterations,
              loss,
              -2 * loss,
              (System.nanoTime() - started) / 1e9));
    }
  }

  private static double[] unbounded(int n, double bound) {
    double[] b = new double[n];
    Arrays.fill(b, bound);
    return b;
  }

  private static Map<String, Double> named(NeuralNplmProblem problem, double[] nu) {
    Map<String, Double> named = new LinkedHashMap<>();
    int shapes = problem.shapes();
    for (int k = 0; k < shapes; k++) {
      named.put(problem.referenceTerms().names().get(k), nu[k]);
    }
    if (problem.hasNorm()) {
      named.put(NORM, nu[shapes]);
    }
    return named;
  }

  /**
   * The loss L(w, ν) in double precision with the plain-Java forward pass, for a given network (on
   * standardised rows) and ν: cross-checks the DJL loss.
   */
  static double loss(
      DenseNetwork network, double[] nu, double[][] zR, double[][] zD, NeuralNplmProblem problem) {
    int shapes = problem.shapes();
    double[] shapeNu = Arrays.copyOf(nu, shapes);
    double normShift = problem.hasNorm() ? problem.normScale() * nu[shapes] : 0;
    double[] fR = network.forwardColumn(zR, 0);
    double[] fD = network.forwardColumn(zD, 0);
    double sum = 0;
    for (int e = 0; e < zR.length; e++) {
      double u = fR[e] + logRatio(problem.referenceTerms(), e, shapeNu) + normShift;
      sum += problem.weight() * Math.expm1(u);
    }
    for (int e = 0; e < zD.length; e++) {
      sum -= fD[e] + logRatio(problem.dataTerms(), e, shapeNu) + normShift;
    }
    double[] aux = problem.aux();
    for (int j = 0; j < nu.length; j++) {
      if (j < shapes || problem.normConstrained()) {
        sum += ((nu[j] - aux[j]) * (nu[j] - aux[j]) - aux[j] * aux[j]) / 2;
      }
    }
    return sum;
  }

  private static double logRatio(NuisanceTerms terms, int event, double[] nu) {
    return nu.length == 0 ? 0 : terms.logRatio(event, nu);
  }

  private static DenseNetwork zeroOutput(DenseNetwork network) {
    float[][] weights = network.weights();
    weights[weights.length - 1] = new float[weights[weights.length - 1].length];
    return new DenseNetwork(network.sizes(), network.activation(), weights, network.biases());
  }
}
