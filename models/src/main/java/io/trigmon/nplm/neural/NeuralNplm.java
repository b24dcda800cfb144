package io.trigmon.nplm.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.trigmon.mlp.Activation;
import io.trigmon.mlp.AdamSteps;
import io.trigmon.mlp.DenseNetwork;
import io.trigmon.mlp.Standardisation;
import io.trigmon.mlp.TrainableNetwork;
import io.trigmon.nuisance.NuisanceTerms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The neural NPLM fit of τ (DESIGN §4): f is the papers' MLP (default 5-5-5-5-1, sigmoid, weight
 * clipping W = 2.15) trained with DJL by full-batch Adam on the extended-likelihood loss of {@link
 * NeuralNplmProblem}, jointly with the nuisances ν. The output layer starts at zero, so training
 * starts from the reference hypothesis (f ≡ 0, L = 0). τ = −2 L at the trained parameters,
 * recomputed in double precision with the plain-Java forward pass. Δ (the ν-only fit) does not
 * involve f and comes from the kernel implementation's fit.
 *
 * <p>Not thread-safe across instances: PyTorch allows one gradient recording per JVM at a time.
 */
public final class NeuralNplm {

  /** Name of the normalisation nuisance in ν̂ (as in the kernel NPLM). */
  public static final String NORM = "norm";

  private final NeuralNplmConfig config;
  private final Consumer<String> progress;

  public NeuralNplm(NeuralNplmConfig config, Consumer<String> progress) {
    this.config = config;
    this.progress = progress;
  }

  /** Trains f and ν on one reference/data pair and returns τ and ν̂. */
  public NeuralNplmFit tau(NeuralNplmProblem problem) {
    long start = System.nanoTime();
    Standardisation standardisation = Standardisation.fit(problem.reference());
    double[][] zR = standardisation.apply(problem.reference());
    double[][] zD = standardisation.apply(problem.data());
    DenseNetwork initial =
        zeroOutput(
            DenseNetwork.initialised(
                config.layerSizes(standardisation.dimension()), Activation.SIGMOID, config.seed()));
    int shapes = problem.shapes();
    int nuCount = shapes + (problem.hasNorm() ? 1 : 0);
    DenseNetwork trained;
    double[] nuHat;
    try (NDManager manager = NDManager.newBaseManager();
        TrainableNetwork net = TrainableNetwork.of(manager, initial)) {
      Tensors t = Tensors.of(manager, zR, zD, problem);
      List<NDArray> parameters = new ArrayList<>(net.parameters());
      if (nuCount > 0) {
        parameters.add(t.nu);
      }
      AdamSteps adam = new AdamSteps(manager, parameters, config.learningRate());
      List<NDArray> inputs = t.inputs();
      for (int epoch = 1; epoch <= config.epochs(); epoch++) {
        double loss = adam.step(inputs, () -> t.loss(net, problem));
        net.clipWeights(config.weightClip());
        if (config.progressEvery() > 0 && epoch % config.progressEvery() == 0) {
          progress.accept(
              String.format(
                  "  neural NPLM: epoch %d, loss %.4f (τ ≈ %.3f), %.1f s",
                  epoch, loss, -2 * loss, (System.nanoTime() - start) / 1e9));
        }
      }
      trained = net.snapshot();
      nuHat = nuCount > 0 ? toDoubles(t.nu.toFloatArray()) : new double[0];
    }
    double tau = -2 * loss(trained, nuHat, zR, zD, problem);
    Map<String, Double> named = new LinkedHashMap<>();
    for (int k = 0; k < shapes; k++) {
      named.put(problem.referenceTerms().names().get(k), nuHat[k]);
    }
    if (problem.hasNorm()) {
      named.put(NORM, nuHat[shapes]);
    }
    return new NeuralNplmFit(
        tau, named, config.epochs(), (System.nanoTime() - start) / 1e9, trained, standardisation);
  }

  /**
   * The loss L(w, ν) in double precision for a given network (on standardised rows) and ν: used for
   * the reported τ and to check the DJL loss.
   */
  static double loss(
      DenseNetwork network, double[] nu, double[][] zR, double[][] zD, NeuralNplmProblem problem) {
    int shapes = problem.shapes();
    double[] shapeNu = java.util.Arrays.copyOf(nu, shapes);
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

  private static double[] toDoubles(float[] f) {
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }

  /** The fit's arrays: inputs, δ̂ matrices, constraint constants, and the trainable ν. */
  private static final class Tensors {
    NDArray xR;
    NDArray xD;
    NDArray linR;
    NDArray quadR;
    NDArray linD;
    NDArray quadD;
    NDArray aux;
    NDArray constrained;
    NDArray nu;

    static Tensors of(NDManager manager, double[][] zR, double[][] zD, NeuralNplmProblem problem) {
      Tensors t = new Tensors();
      t.xR = matrix(manager, zR);
      t.xD = matrix(manager, zD);
      int shapes = problem.shapes();
      if (shapes > 0) {
        t.linR = columns(manager, problem.referenceTerms().linear(), zR.length);
        t.quadR = columns(manager, problem.referenceTerms().quadratic(), zR.length);
        t.linD = columns(manager, problem.dataTerms().linear(), zD.length);
        t.quadD = columns(manager, problem.dataTerms().quadratic(), zD.length);
      }
      int nuCount = problem.aux().length;
      if (nuCount > 0) {
        float[] aux = new float[nuCount];
        float[] constrained = new float[nuCount];
        for (int j = 0; j < nuCount; j++) {
          aux[j] = (float) problem.aux()[j];
          constrained[j] = j < shapes || problem.normConstrained() ? 1 : 0;
        }
        t.aux = manager.create(aux);
        t.constrained = manager.create(constrained);
        t.nu = manager.zeros(new Shape(nuCount));
        t.nu.setRequiresGradient(true);
      }
      return t;
    }

    List<NDArray> inputs() {
      List<NDArray> all = new ArrayList<>(List.of(xR, xD));
      for (NDArray a : new NDArray[] {linR, quadR, linD, quadD, aux, constrained}) {
        if (a != null) {
          all.add(a);
        }
      }
      return all;
    }

    NDArray loss(TrainableNetwork net, NeuralNplmProblem problem) {
      NDArray uR = net.forward(xR).reshape(-1);
      NDArray uD = net.forward(xD).reshape(-1);
      int shapes = problem.shapes();
      if (shapes > 0) {
        NDArray shapeNu = nu.get("0:" + shapes);
        NDArray shapeNu2 = shapeNu.square();
        uR = uR.add(linR.matMul(shapeNu)).add(quadR.matMul(shapeNu2));
        uD = uD.add(linD.matMul(shapeNu)).add(quadD.matMul(shapeNu2));
      }
      if (problem.hasNorm()) {
        NDArray shift = nu.get(shapes).mul(problem.normScale());
        uR = uR.add(shift);
        uD = uD.add(shift);
      }
      NDArray loss = uR.exp().sub(1).sum().mul(problem.weight()).sub(uD.sum());
      if (nu != null) {
        NDArray constraint = nu.sub(aux).square().sub(aux.square()).mul(constrained).sum().div(2);
        loss = loss.add(constraint);
      }
      return loss;
    }

    private static NDArray matrix(NDManager manager, double[][] rows) {
      int d = rows[0].length;
      float[] flat = new float[rows.length * d];
      for (int i = 0; i < rows.length; i++) {
        for (int j = 0; j < d; j++) {
          flat[i * d + j] = (float) rows[i][j];
        }
      }
      return manager.create(flat, new Shape(rows.length, d));
    }

    /** (N × K) from K rows of N coefficients. */
    private static NDArray columns(NDManager manager, double[][] byNuisance, int events) {
      int k = byNuisance.length;
      float[] flat = new float[events * k];
      for (int j = 0; j < k; j++) {
        for (int e = 0; e < events; e++) {
          flat[e * k + j] = (float) byNuisance[j][e];
        }
      }
      return manager.create(flat, new Shape(events, k));
    }
  }
}
