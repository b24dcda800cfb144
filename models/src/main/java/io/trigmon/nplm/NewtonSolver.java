package io.trigmon.nplm;

/**
 * Minimises an {@link NplmLoss} by Newton's method with a backtracking (Armijo) line search. When
 * the exact Hessian is cheap (N_R·p² within a budget: small references, and the Δ fit with a few
 * nuisances) each step solves the exact Newton system by Cholesky; otherwise it is a truncated
 * Newton step: conjugate gradients with exact Hessian-vector products over the whole reference
 * (2·N_R·p each), preconditioned by {@link NplmLoss#preconditioner} — the Hessian at θ = 0 rescaled
 * to the current mean weight, prepared once per reference — so that a step costs a few passes over
 * R instead of N_R·p²/2. A non-positive-definite ν block (the quadratic δ̂ terms make the loss only
 * nearly convex in ν) is handled by damping the Cholesky factor and stopping CG at negative
 * curvature. Iterations stop when half the Newton decrement, −gᵀd/2 (the predicted decrease of the
 * loss), is below the tolerance.
 */
final class NewtonSolver {

  /** Outcome of a minimisation. */
  record Solution(double[] theta, double value, int iterations, boolean converged) {}

  private final double tolerance;
  private final int maxIterations;
  private final double exactHessianBudget;
  private int cgIterations;

  /**
   * @param tolerance stop when the predicted decrease of the loss is below this
   * @param maxIterations Newton iterations at most
   * @param exactHessianBudget largest N_R·p² for which the exact Hessian is formed
   */
  NewtonSolver(double tolerance, int maxIterations, double exactHessianBudget) {
    this.tolerance = tolerance;
    this.maxIterations = maxIterations;
    this.exactHessianBudget = exactHessianBudget;
  }

  /** Conjugate-gradient steps taken so far (Hessian-vector products), for profiling. */
  int cgIterations() {
    return cgIterations;
  }

  Solution minimise(NplmLoss loss) {
    int p = loss.dimension();
    double[] theta = new double[p];
    if (p == 0) {
      return new Solution(theta, loss.value(theta), 0, true);
    }
    boolean exact = (double) loss.referenceSize() * p * p <= exactHessianBudget;
    NplmLoss.Point point = loss.at(theta);
    for (int iteration = 1; iteration <= maxIterations; iteration++) {
      Cholesky chol =
          Cholesky.damped(exact ? loss.hessian(point, null) : loss.preconditioner(point));
      double[] g = point.gradient();
      double[] d;
      if (exact && chol.damping() == 0) {
        d = chol.solve(negate(g));
      } else {
        double[] diagonal = loss.curvatureDiagonal(point, null, 1);
        d = conjugateGradient(loss, point, diagonal, chol, g);
      }
      double slope = dot(g, d);
      if (!(slope < 0)) { // not a descent direction: fall back to the preconditioned gradient
        d = chol.solve(negate(g));
        slope = dot(g, d);
      }
      if (-slope / 2 < tolerance) {
        return new Solution(point.theta(), point.value(), iteration, true);
      }
      double step = 1;
      double[] trial = axpy(point.theta(), step, d);
      double value = loss.value(trial);
      int halvings = 0;
      while (!(value <= point.value() + 1e-4 * step * slope) && halvings < 50) {
        step /= 2;
        trial = axpy(point.theta(), step, d);
        value = loss.value(trial);
        halvings++;
      }
      if (halvings == 50) {
        return new Solution(point.theta(), point.value(), iteration, false);
      }
      point = loss.at(trial);
    }
    return new Solution(point.theta(), point.value(), maxIterations, false);
  }

  /** Preconditioned CG on H d = −g; stops at relative residual 1e-10 or on negative curvature. */
  private double[] conjugateGradient(
      NplmLoss loss, NplmLoss.Point point, double[] diagonal, Cholesky pre, double[] g) {
    int p = g.length;
    double[] x = new double[p];
    double[] r = negate(g);
    double[] z = pre.solve(r);
    double[] dir = z.clone();
    double rz = dot(r, z);
    double r0 = Math.sqrt(dot(r, r));
    for (int it = 0; it < 100; it++) {
      cgIterations++;
      double[] hd = loss.hessianTimes(point, dir, diagonal);
      double curvature = dot(dir, hd);
      if (curvature <= 0) {
        return it == 0 ? z : x;
      }
      double alpha = rz / curvature;
      for (int j = 0; j < p; j++) {
        x[j] += alpha * dir[j];
        r[j] -= alpha * hd[j];
      }
      if (Math.sqrt(dot(r, r)) <= 1e-10 * r0) {
        break;
      }
      z = pre.solve(r);
      double rzNext = dot(r, z);
      double beta = rzNext / rz;
      rz = rzNext;
      for (int j = 0; j < p; j++) {
        dir[j] = z[j] + beta * dir[j];
      }
    }
    return x;
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double[] negate(double[] a) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = -a[i];
    }
    return out;
  }

  private static double[] axpy(double[] x, double a, double[] d) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = x[i] + a * d[i];
    }
    return out;
  }
}
