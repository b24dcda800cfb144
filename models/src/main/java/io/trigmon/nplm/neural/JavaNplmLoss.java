package io.trigmon.nplm.neural;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;

/**
 * The NPLM loss L(w, ν) of a {@link NeuralNplmProblem} and its gradient in plain Java, double
 * precision, full batch: the same numbers as {@link NeuralNplmLoss} (DJL autograd) with a
 * hand-written backward pass for the sigmoid MLP.
 *
 * <p>Why: the network is tiny (5-5-5-5-1, 111 parameters), so one evaluation over N = N_R + N_D
 * events is a few hundred flops and 16 exponentials per event. DJL runs it as ~25 tensor ops, each
 * a pass over N-long arrays, and float64 autograd keeps every intermediate; here the events go
 * through forward and backward in blocks of {@link #BLOCK} that stay in L1, activations stored
 * feature-major so that the loops over a block's events vectorise. Measured at N = 1.2·10⁵: see
 * {@link NeuralNplmConfig.Backend}.
 *
 * <p>Events are split into {@code threads} contiguous slices (a ForkJoin pool of that size), each
 * with its own scratch buffers and partial sums, added in slice order: the result does not depend
 * on scheduling. The loss and gradient per event:
 *
 * <pre>
 *   u = f(x) + Σ_k [δ̂_k1 ν_k + δ̂_k2 ν_k²] + s_N ν_N,
 *   ∂L/∂u = w e^u (reference), −1 (data);  L += w (e^u − 1) (reference), −u (data)
 * </pre>
 *
 * then back through the network: ∂L/∂W_l = Σ_e δ_l+1 a_lᵀ, δ_l = (W_l δ_l+1) ⊙ a_l (1 − a_l).
 */
final class JavaNplmLoss implements NplmObjective {

  /** Events per block: 5 layers of ≤ 5 units × 256 doubles stay in L1/L2. */
  static final int BLOCK = 256;

  private final NeuralNplmProblem problem;
  private final ParameterLayout layout;
  private final int[] sizes;
  private final int nR;
  private final int n;
  private final double[][] x; // feature-major standardised inputs, R then D; null for the Δ fit
  private final double[][] linear; // [k][e], R then D
  private final double[][] quadratic;
  private final Slice[] slices;
  private final ForkJoinPool pool;
  private final BlockMath math = BlockMath.select();
  private int evaluations;

  /**
   * @param zR standardised reference rows
   * @param zD standardised data rows
   * @param sizes layer widths of f, input first
   * @param withNetwork false for the ν-only (Δ) fit
   * @param threads slices of events evaluated in parallel (1: in the caller's thread)
   */
  JavaNplmLoss(
      double[][] zR,
      double[][] zD,
      NeuralNplmProblem problem,
      int[] sizes,
      boolean withNetwork,
      int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be positive");
    }
    this.problem = problem;
    this.layout = new ParameterLayout(sizes, withNetwork, problem);
    this.sizes = sizes.clone();
    this.nR = zR.length;
    this.n = zR.length + zD.length;
    this.x = withNetwork ? featureMajor(zR, zD, sizes[0]) : null;
    this.linear = stacked(problem.referenceTerms().linear(), problem.dataTerms().linear());
    this.quadratic = stacked(problem.referenceTerms().quadratic(), problem.dataTerms().quadratic());
    int parts = Math.max(1, Math.min(threads, n / BLOCK));
    this.slices = new Slice[parts];
    for (int s = 0; s < parts; s++) {
      slices[s] = new Slice((int) ((long) n * s / parts), (int) ((long) n * (s + 1) / parts));
    }
    this.pool = parts > 1 ? new ForkJoinPool(parts) : null;
  }

  @Override
  public ParameterLayout layout() {
    return layout;
  }

  @Override
  public int evaluations() {
    return evaluations;
  }

  @Override
  public double valueAndGradient(double[] theta, double[] gradient) {
    evaluations++;
    Parameters p = new Parameters(theta);
    if (pool == null) {
      slices[0].evaluate(p);
    } else {
      List<Callable<Void>> tasks = new ArrayList<>();
      for (Slice s : slices) {
        tasks.add(
            () -> {
              s.evaluate(p);
              return null;
            });
      }
      for (Future<Void> f : pool.invokeAll(tasks)) {
        try {
          f.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
          throw new IllegalStateException(e.getCause());
        }
      }
    }
    java.util.Arrays.fill(gradient, 0);
    double value = 0;
    for (Slice s : slices) {
      value += s.value;
      for (int i = 0; i < gradient.length; i++) {
        gradient[i] += s.gradient[i];
      }
    }
    return value + layout.constraint(theta, gradient);
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdown();
    }
  }

  /** θ unpacked: per layer W (inputs × outputs, row-major) and b; shape ν; s_N·ν_N. */
  private final class Parameters {
    final double[][] w;
    final double[][] b;
    final double[] nu;
    final double normShift;
    final int nuOffset;

    Parameters(double[] theta) {
      int layers = sizes.length - 1;
      w = new double[layers][];
      b = new double[layers][];
      if (layout.withNetwork()) {
        for (int l = 0; l < layers; l++) {
          int at = layout.weightOffset(l);
          int weights = sizes[l] * sizes[l + 1];
          w[l] = java.util.Arrays.copyOfRange(theta, at, at + weights);
          b[l] = java.util.Arrays.copyOfRange(theta, at + weights, at + weights + sizes[l + 1]);
        }
      }
      nuOffset = layout.networkParameters();
      nu = java.util.Arrays.copyOfRange(theta, nuOffset, nuOffset + problem.shapes());
      normShift = problem.hasNorm() ? problem.normScale() * theta[theta.length - 1] : 0;
    }
  }

  /** A contiguous range of events with its scratch buffers and partial sums. */
  private final class Slice {
    final int from;
    final int to;
    final double[][][] a; // a[l][unit][b]: activations of layer l ≥ 1 (layer 0 is x)
    final double[][] delta;
    final double[][] deltaNext;
    final double[] du = new double[BLOCK];
    final double[] gradient;
    double value;

    Slice(int from, int to) {
      this.from = from;
      this.to = to;
      int widest = 1;
      a = new double[sizes.length][][];
      for (int l = 1; l < sizes.length; l++) {
        a[l] = new double[sizes[l]][BLOCK];
        widest = Math.max(widest, sizes[l]);
      }
      delta = new double[widest][BLOCK];
      deltaNext = new double[widest][BLOCK];
      gradient = new double[layout.dimension()];
    }

    void evaluate(Parameters p) {
      value = 0;
      java.util.Arrays.fill(gradient, 0);
      int e0 = from;
      while (e0 < to) {
        int end = Math.min(to, e0 + BLOCK);
        if (e0 < nR && end > nR) {
          end = nR; // a block is all reference or all data
        }
        block(p, e0, end - e0);
        e0 = end;
      }
    }

    private void block(Parameters p, int e0, int m) {
      double[] u = forward(p, e0, m);
      addNuisances(p, u, e0, m);
      boolean reference = e0 < nR;
      double w = problem.weight();
      double sum = 0;
      if (reference) {
        math.exp(u, du, m);
        for (int b = 0; b < m; b++) {
          sum += du[b] - 1;
          du[b] *= w;
        }
        value += w * sum;
      } else {
        for (int b = 0; b < m; b++) {
          sum += u[b];
          du[b] = -1;
        }
        value -= sum;
      }
      nuisanceGradient(p, e0, m);
      if (layout.withNetwork()) {
        backward(p, e0, m);
      }
    }

    /** f on the block's events into a[last][0] (zeros for the Δ fit). */
    private double[] forward(Parameters p, int e0, int m) {
      int layers = sizes.length - 1;
      double[] out = a[layers][0];
      if (!layout.withNetwork()) {
        java.util.Arrays.fill(out, 0, m, 0);
        return out;
      }
      for (int l = 0; l < layers; l++) {
        int in = sizes[l];
        int units = sizes[l + 1];
        double[] wl = p.w[l];
        for (int o = 0; o < units; o++) {
          double[] z = a[l + 1][o];
          java.util.Arrays.fill(z, 0, m, p.b[l][o]);
          for (int i = 0; i < in; i++) {
            double wio = wl[i * units + o];
            math.axpy(wio, l == 0 ? x[i] : a[l][i], l == 0 ? e0 : 0, z, m);
          }
          if (l < layers - 1) {
            math.sigmoid(z, m);
          }
        }
      }
      return out;
    }

    private void addNuisances(Parameters p, double[] u, int e0, int m) {
      for (int k = 0; k < p.nu.length; k++) {
        double nk = p.nu[k];
        double nk2 = nk * nk;
        double[] lin = linear[k];
        double[] quad = quadratic[k];
        for (int b = 0; b < m; b++) {
          u[b] += lin[e0 + b] * nk + quad[e0 + b] * nk2;
        }
      }
      if (p.normShift != 0) {
        for (int b = 0; b < m; b++) {
          u[b] += p.normShift;
        }
      }
    }

    private void nuisanceGradient(Parameters p, int e0, int m) {
      for (int k = 0; k < p.nu.length; k++) {
        double twoNu = 2 * p.nu[k];
        double[] lin = linear[k];
        double[] quad = quadratic[k];
        double g = 0;
        for (int b = 0; b < m; b++) {
          g += du[b] * (lin[e0 + b] + twoNu * quad[e0 + b]);
        }
        gradient[p.nuOffset + k] += g;
      }
      if (problem.hasNorm()) {
        gradient[gradient.length - 1] += problem.normScale() * math.sum(du, m);
      }
    }

    /** Back-propagates ∂L/∂u through the network, adding ∂L/∂W and ∂L/∂b. */
    private void backward(Parameters p, int e0, int m) {
      int layers = sizes.length - 1;
      double[][] d = delta;
      double[][] next = deltaNext;
      System.arraycopy(du, 0, d[0], 0, m);
      for (int l = layers - 1; l >= 0; l--) {
        int in = sizes[l];
        int units = sizes[l + 1];
        int at = layout.weightOffset(l);
        double[] wl = p.w[l];
        for (int i = 0; i < in; i++) {
          double[] src = l == 0 ? x[i] : a[l][i];
          int off = l == 0 ? e0 : 0;
          for (int o = 0; o < units; o++) {
            gradient[at + i * units + o] += math.dot(d[o], src, off, m);
          }
        }
        for (int o = 0; o < units; o++) {
          gradient[at + in * units + o] += math.sum(d[o], m);
        }
        if (l == 0) {
          break;
        }
        for (int i = 0; i < in; i++) {
          double[] g = next[i];
          double[] act = a[l][i];
          java.util.Arrays.fill(g, 0, m, 0);
          for (int o = 0; o < units; o++) {
            math.axpy(wl[i * units + o], d[o], 0, g, m);
          }
          math.timesSigmoidSlope(g, act, m);
        }
        double[][] swap = d;
        d = next;
        next = swap;
      }
    }
  }

  private static double[][] featureMajor(double[][] zR, double[][] zD, int d) {
    double[][] out = new double[d][zR.length + zD.length];
    int e = 0;
    for (double[][] rows : new double[][][] {zR, zD}) {
      for (double[] row : rows) {
        if (row.length != d) {
          throw new IllegalArgumentException("expected " + d + " inputs, got " + row.length);
        }
        for (int i = 0; i < d; i++) {
          out[i][e] = row[i];
        }
        e++;
      }
    }
    return out;
  }

  /** Per nuisance, the reference column then the data column. */
  private static double[][] stacked(double[][] byR, double[][] byD) {
    double[][] out = new double[byR.length][];
    for (int k = 0; k < byR.length; k++) {
      out[k] = new double[byR[k].length + byD[k].length];
      System.arraycopy(byR[k], 0, out[k], 0, byR[k].length);
      System.arraycopy(byD[k], 0, out[k], byR[k].length, byD[k].length);
    }
    return out;
  }
}
