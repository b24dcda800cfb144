package io.trigmon.nplm.neural;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.trigmon.nuisance.NuisanceTerms;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The NPLM loss L(w, ν) of a {@link NeuralNplmProblem} and its gradient, by DJL autograd in double
 * precision over the full batch, on a flat parameter vector θ = [network, ν_shapes, ν_N] that the
 * optimisers step in plain Java. The reference and data rows are stacked into one matrix so that an
 * evaluation is one forward pass (three matrix products and sigmoids) and one backward pass; the
 * Gaussian constraint on ν, a handful of numbers, is added in Java.
 *
 * <p>θ is laid out by {@link ParameterLayout}. With {@code withNetwork} false, f ≡ 0 and θ holds
 * only ν: the Δ fit.
 */
final class NeuralNplmLoss implements NplmObjective {

  private final NDManager manager;
  private final NeuralNplmProblem problem;
  private final ParameterLayout layout;
  private final int[] sizes;
  private final boolean withNetwork;
  private final int nR;
  private final NDArray x;
  private final NDArray linear;
  private final NDArray quadratic;
  private final List<NDArray> inputs;
  private int evaluations;

  /**
   * @param zR standardised reference rows
   * @param zD standardised data rows
   * @param sizes layer widths of f, input first
   * @param withNetwork false for the ν-only (Δ) fit
   */
  NeuralNplmLoss(
      double[][] zR, double[][] zD, NeuralNplmProblem problem, int[] sizes, boolean withNetwork) {
    this.manager = NDManager.newBaseManager();
    this.problem = problem;
    this.sizes = sizes.clone();
    this.withNetwork = withNetwork;
    this.layout = new ParameterLayout(sizes, withNetwork, problem);
    this.nR = zR.length;
    this.x = withNetwork ? stackRows(manager, zR, zD) : null;
    int shapes = problem.shapes();
    this.linear =
        shapes > 0
            ? stackColumns(manager, problem.referenceTerms(), problem.dataTerms(), true)
            : null;
    this.quadratic =
        shapes > 0
            ? stackColumns(manager, problem.referenceTerms(), problem.dataTerms(), false)
            : null;
    List<NDArray> all = new ArrayList<>();
    for (NDArray a : new NDArray[] {x, linear, quadratic}) {
      if (a != null) {
        all.add(a);
      }
    }
    this.inputs = all;
  }

  @Override
  public ParameterLayout layout() {
    return layout;
  }

  /** L(θ), writing ∂L/∂θ into {@code gradient}. */
  @Override
  public double valueAndGradient(double[] theta, double[] gradient) {
    evaluations++;
    double value;
    try (NDManager scope = manager.newSubManager()) {
      scope.tempAttachAll(inputs.toArray(NDArray[]::new));
      NDArray[] parameters = parameters(scope, theta);
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray loss = loss(scope, parameters);
        collector.backward(loss);
        value = loss.getDouble();
      }
      int at = 0;
      for (NDArray p : parameters) {
        double[] g = p.getGradient().toDoubleArray();
        System.arraycopy(g, 0, gradient, at, g.length);
        at += g.length;
      }
    }
    return value + layout.constraint(theta, gradient);
  }

  @Override
  public int evaluations() {
    return evaluations;
  }

  @Override
  public void close() {
    manager.close();
  }

  private NDArray loss(NDManager scope, NDArray[] parameters) {
    int layers = sizes.length - 1;
    int n = nR + dataSize();
    NDArray u;
    int at = 0;
    if (withNetwork) {
      NDArray h = x;
      for (int l = 0; l < layers; l++) {
        h = h.matMul(parameters[at++]).add(parameters[at++]);
        if (l < layers - 1) {
          h = ai.djl.nn.Activation.sigmoid(h);
        }
      }
      u = h.reshape(-1);
    } else {
      u = scope.zeros(new Shape(n), ai.djl.ndarray.types.DataType.FLOAT64);
    }
    if (problem.shapes() > 0) {
      NDArray nu = parameters[at++];
      u = u.add(linear.matMul(nu)).add(quadratic.matMul(nu.square()));
    }
    if (problem.hasNorm()) {
      u = u.add(parameters[at].mul(problem.normScale()));
    }
    NDArray uR = u.get("0:" + nR);
    NDArray uD = u.get(nR + ":");
    return uR.exp().sub(1).sum().mul(problem.weight()).sub(uD.sum());
  }

  /** θ as DJL arrays with gradients attached, in θ's order. */
  private NDArray[] parameters(NDManager scope, double[] theta) {
    List<NDArray> out = new ArrayList<>();
    int at = 0;
    if (withNetwork) {
      for (int l = 0; l < sizes.length - 1; l++) {
        int in = sizes[l];
        int o = sizes[l + 1];
        out.add(scope.create(Arrays.copyOfRange(theta, at, at + in * o), new Shape(in, o)));
        at += in * o;
        out.add(scope.create(Arrays.copyOfRange(theta, at, at + o), new Shape(o)));
        at += o;
      }
    }
    int shapes = problem.shapes();
    if (shapes > 0) {
      out.add(scope.create(Arrays.copyOfRange(theta, at, at + shapes), new Shape(shapes)));
      at += shapes;
    }
    if (problem.hasNorm()) {
      out.add(scope.create(theta[at]));
    }
    for (NDArray p : out) {
      p.setRequiresGradient(true);
    }
    return out.toArray(NDArray[]::new);
  }

  private int dataSize() {
    return problem.data().length;
  }

  private static NDArray stackRows(NDManager manager, double[][] a, double[][] b) {
    int d = a[0].length;
    double[] flat = new double[(a.length + b.length) * d];
    int at = 0;
    for (double[][] rows : new double[][][] {a, b}) {
      for (double[] row : rows) {
        System.arraycopy(row, 0, flat, at, d);
        at += d;
      }
    }
    return manager.create(flat, new Shape(a.length + b.length, d));
  }

  /** (N_R + N_D) × K from the δ̂ of R then D. */
  private static NDArray stackColumns(
      NDManager manager, NuisanceTerms r, NuisanceTerms d, boolean linear) {
    double[][] byR = linear ? r.linear() : r.quadratic();
    double[][] byD = linear ? d.linear() : d.quadratic();
    int k = byR.length;
    int nR = byR[0].length;
    int n = nR + byD[0].length;
    double[] flat = new double[n * k];
    for (int j = 0; j < k; j++) {
      for (int e = 0; e < nR; e++) {
        flat[e * k + j] = byR[j][e];
      }
      for (int e = 0; e < byD[j].length; e++) {
        flat[(nR + e) * k + j] = byD[j][e];
      }
    }
    return manager.create(flat, new Shape(n, k));
  }
}
