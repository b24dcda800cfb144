package io.trigmon.nplm.neural;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Full-batch limited-memory BFGS with box bounds by projection (the weight clipping of the neural
 * NPLM is the box |w| ≤ W). Each iteration: a quasi-Newton direction from the last {@code memory}
 * curvature pairs on the free variables (those not held at a bound by a gradient pushing outwards),
 * a projected Armijo backtracking line search along it, and the new pair if it has positive
 * curvature. Stops when each of {@code patience} consecutive iterations lowered the loss by less
 * than {@code tolerance}, when the loss fell by less than {@code relativeTolerance}·max(1, |f|)
 * over the last {@code window} iterations (the rule that ends slow non-convex crawls, where single
 * iterations keep gaining a little), when the projected gradient vanishes, or after {@code
 * maxIterations}.
 *
 * <p>Why not Adam, as the papers: the NPLM loss is smooth and full batch, with valleys whose
 * curvatures differ by N_R·w (e.g. a constant f against the normalisation nuisance, which only the
 * unit constraint pins). Adam's per-coordinate steps oscillate across such a valley and crawl along
 * it (3·10⁵ epochs in the papers); a quasi-Newton step learns the valley's curvature and reaches
 * the same minimum in a few hundred evaluations.
 */
final class ProjectedLbfgs {

  /** An objective: returns f(θ) and writes ∇f(θ) into {@code gradient}. */
  interface Objective {
    double valueAndGradient(double[] theta, double[] gradient);
  }

  /** Told f after each iteration (progress lines). */
  interface Progress {
    void iteration(int iteration, double value);
  }

  /** The minimum found: θ, f(θ), iterations run. */
  record Result(double[] theta, double value, int iterations) {}

  private static final double ARMIJO = 1e-4;
  private static final int MAX_BACKTRACKS = 40;

  private final int maxIterations;
  private final double tolerance;
  private final int patience;
  private final int memory;
  private final int window;
  private final double relativeTolerance;

  /** Without the window rule. */
  ProjectedLbfgs(int maxIterations, double tolerance, int patience, int memory) {
    this(maxIterations, tolerance, patience, memory, 0, 0);
  }

  /**
   * @param window iterations of the window rule (0: off)
   * @param relativeTolerance relative loss decrease over {@code window} iterations below which the
   *     fit stops
   */
  ProjectedLbfgs(
      int maxIterations,
      double tolerance,
      int patience,
      int memory,
      int window,
      double relativeTolerance) {
    this.maxIterations = maxIterations;
    this.tolerance = tolerance;
    this.patience = patience;
    this.memory = memory;
    this.window = window;
    this.relativeTolerance = relativeTolerance;
  }

  Result minimise(Objective objective, double[] start, double[] lower, double[] upper) {
    return minimise(objective, start, lower, upper, (i, f) -> {});
  }

  Result minimise(
      Objective objective, double[] start, double[] lower, double[] upper, Progress progress) {
    int n = start.length;
    double[] x = project(start.clone(), lower, upper);
    double[] g = new double[n];
    double f = objective.valueAndGradient(x, g);
    Deque<double[][]> pairs = new ArrayDeque<>();
    int quiet = 0;
    int iteration = 0;
    double[] history = new double[window + 1]; // f after iteration i at i % (window + 1)
    history[0] = f;
    while (iteration < maxIterations) {
      iteration++;
      boolean[] free = free(x, g, lower, upper);
      double[] pg = masked(g, free);
      if (maxAbs(pg) < 1e-12) {
        break;
      }
      double[] d = direction(pg, pairs, free);
      double slope = dot(g, d);
      if (!(slope < 0)) {
        pairs.clear();
        d = negate(pg);
        slope = dot(g, d);
      }
      double step = pairs.isEmpty() ? Math.min(1, 1 / maxAbs(pg)) : 1;
      double[] xNew = null;
      double[] gNew = new double[n];
      double fNew = Double.NaN;
      for (int b = 0; b < MAX_BACKTRACKS; b++) {
        double[] trial = project(axpy(step, d, x), lower, upper);
        double fTrial = objective.valueAndGradient(trial, gNew);
        if (Double.isFinite(fTrial) && fTrial <= f + ARMIJO * dot(g, difference(trial, x))) {
          xNew = trial;
          fNew = fTrial;
          break;
        }
        step /= 2;
      }
      if (xNew == null) {
        if (pairs.isEmpty()) {
          break; // no descent even along the gradient: converged to rounding
        }
        pairs.clear();
        continue;
      }
      double[] s = difference(xNew, x);
      double[] y = difference(gNew, g);
      if (dot(s, y) > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
        pairs.addLast(new double[][] {s, y});
        if (pairs.size() > memory) {
          pairs.removeFirst();
        }
      }
      quiet = f - fNew < tolerance ? quiet + 1 : 0;
      progress.iteration(iteration, fNew);
      x = xNew;
      g = gNew;
      f = fNew;
      if (quiet >= patience || settled(history, iteration, f)) {
        break;
      }
    }
    return new Result(x, f, iteration);
  }

  /** Records f after {@code iteration}; whether it fell by too little over the window. */
  private boolean settled(double[] history, int iteration, double f) {
    if (window == 0) {
      return false;
    }
    history[iteration % (window + 1)] = f;
    // f after iteration − window (an older, higher value if an iteration in between restarted)
    double windowStart = history[(iteration + 1) % (window + 1)];
    return iteration >= window && windowStart - f < relativeTolerance * Math.max(1, Math.abs(f));
  }

  /** Two-loop recursion on the free variables: −H·g. */
  private static double[] direction(double[] pg, Deque<double[][]> pairs, boolean[] free) {
    double[] q = pg.clone();
    int m = pairs.size();
    double[] alpha = new double[m];
    double[][][] list = pairs.toArray(double[][][]::new);
    for (int i = m - 1; i >= 0; i--) {
      double[] s = masked(list[i][0], free);
      double[] y = masked(list[i][1], free);
      double sy = dot(s, y);
      if (sy <= 0) {
        continue;
      }
      alpha[i] = dot(s, q) / sy;
      addScaled(q, -alpha[i], y);
    }
    if (m > 0) {
      double[] s = masked(list[m - 1][0], free);
      double[] y = masked(list[m - 1][1], free);
      double yy = dot(y, y);
      double gamma = yy > 0 && dot(s, y) > 0 ? dot(s, y) / yy : 1;
      for (int i = 0; i < q.length; i++) {
        q[i] *= gamma;
      }
    }
    for (int i = 0; i < m; i++) {
      double[] s = masked(list[i][0], free);
      double[] y = masked(list[i][1], free);
      double sy = dot(s, y);
      if (sy <= 0) {
        continue;
      }
      double beta = dot(y, q) / sy;
      addScaled(q, alpha[i] - beta, s);
    }
    return masked(negate(q), free);
  }

  /** Variables not held at a bound by the gradient. */
  private static boolean[] free(double[] x, double[] g, double[] lower, double[] upper) {
    boolean[] free = new boolean[x.length];
    for (int i = 0; i < x.length; i++) {
      free[i] = !((x[i] <= lower[i] && g[i] > 0) || (x[i] >= upper[i] && g[i] < 0));
    }
    return free;
  }

  private static double[] project(double[] x, double[] lower, double[] upper) {
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.max(lower[i], Math.min(upper[i], x[i]));
    }
    return x;
  }

  private static double[] masked(double[] v, boolean[] free) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = free[i] ? v[i] : 0;
    }
    return out;
  }

  private static double[] axpy(double a, double[] d, double[] x) {
    double[] out = x.clone();
    addScaled(out, a, d);
    return out;
  }

  private static void addScaled(double[] target, double a, double[] v) {
    for (int i = 0; i < target.length; i++) {
      target[i] += a * v[i];
    }
  }

  private static double[] difference(double[] a, double[] b) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] - b[i];
    }
    return out;
  }

  private static double[] negate(double[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = -v[i];
    }
    return out;
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  private static double maxAbs(double[] v) {
    double m = 0;
    for (double x : v) {
      m = Math.max(m, Math.abs(x));
    }
    return m;
  }
}
