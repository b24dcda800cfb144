package io.trigmon.nplm;

/**
 * Minimises an {@link NplmLoss} by Newton's method with a backtracking (Armijo) line search. With
 * few parameters (the Δ fit) each step solves the exact Newton system by Cholesky; otherwise it is
 * a truncated (inexact) Newton step: conjugate gradients with exact Hessian-vector products over
 * the whole reference (2·N_R·p each), preconditioned by {@link NplmLoss#preconditioner} — the
 * Hessian at θ = 0 rescaled to the current mean weight, prepared once per reference — and stopped
 * at a forcing term ({@link #CG_FORCING}), so that a step costs a couple of passes over R instead
 * of N_R·p²/2. A non-positive-definite ν block (the quadratic δ̂ terms make the loss only nearly
 * convex in ν) is handled by damping the Cholesky factor and stopping CG at negative curvature.
 * Iterations stop when half the Newton decrement, −gᵀd/2 (the predicted decrease of the loss), is
 * below the tolerance.
 *
 * <p>What one fit costs in passes over R (the φ rows, N_R·r numbers): none at θ = 0, where the loss
 * and gradient follow from the reference's Gram matrix ({@link NplmLoss#origin}) and the
 * preconditioner is the exact Hessian (so the first step needs no CG); then per iteration the CG
 * products (one dot product and one scaled addition per event each) and one loss-and-gradient pass
 * at the full step, which needs no dot product because CG also returns φ_e·d for every event, so
 * that f along the line is extrapolated; a rejected full step costs loss values without passes over
 * φ.
 *
 * <p>Accuracy: the stopping rule bounds the Newton decrement, λ²/2 &lt; tolerance, so the loss
 * value is within about the tolerance of its minimum and θ within ‖θ − θ*‖_H ≈ λ of the minimiser.
 * Quantities that are not the loss move at first order in θ − θ*: the penalty P = c|β|² by at most
 * |∇P·(θ − θ*)| ≤ ‖2cβ‖_{H⁻¹}·λ ≤ 2√(P·tolerance) (H ≥ 2c on β), so τ = −2(L − P) is within
 * 2·tolerance + 4√(P·tolerance) of its exact value (and P ≤ τ/2, since L* ≤ L(0) = 0); a
 * constrained ν̂ moves by at most λ·√((H⁻¹)_νν) ≤ √(2·tolerance) (H ≥ 1 on a constrained ν).
 * Solvers that stop by the same rule agree to within twice these bounds, not to within the
 * tolerance itself.
 */
final class NewtonSolver {

  /** Outcome of a minimisation. */
  record Solution(double[] theta, double value, int iterations, boolean converged) {}

  /**
   * CG stops when the preconditioned residual norm √(rᵀP⁻¹r) is below this fraction of its start
   * (the forcing term of inexact Newton; 0.01–0.1 gave the fewest passes over R per fit).
   */
  static final double CG_FORCING = 0.03;

  /** … or when rᵀP⁻¹r is below this fraction of the tolerance (see {@link #conjugateGradient}). */
  static final double CG_ABSOLUTE = 0.1;

  private final double tolerance;
  private final int maxIterations;
  private final int exactHessianMaxParameters;
  private int cgIterations;

  /**
   * @param tolerance stop when the predicted decrease of the loss is below this
   * @param maxIterations Newton iterations at most
   * @param exactHessianMaxParameters largest p for which the exact Hessian is formed
   */
  NewtonSolver(double tolerance, int maxIterations, int exactHessianMaxParameters) {
    this.tolerance = tolerance;
    this.maxIterations = maxIterations;
    this.exactHessianMaxParameters = exactHessianMaxParameters;
  }

  /** Conjugate-gradient steps taken so far (Hessian-vector products), for profiling. */
  int cgIterations() {
    return cgIterations;
  }

  Solution minimise(NplmLoss loss) {
    int p = loss.dimension();
    if (p == 0) {
      double[] theta = new double[0];
      return new Solution(theta, loss.value(theta), 0, true);
    }
    boolean exact = p <= exactHessianMaxParameters;
    NplmLoss.Point point = loss.origin();
    for (int iteration = 1; iteration <= maxIterations; iteration++) {
      Cholesky chol =
          Cholesky.damped(exact ? loss.hessian(point, null) : loss.preconditioner(point));
      double[] g = point.gradient();
      Direction d;
      if ((exact || loss.preconditionerIsExact(point)) && chol.damping() == 0) {
        d = new Direction(chol.solve(negate(g)), null);
      } else {
        double[] diagonal = loss.curvatureDiagonal(point, null, 1);
        d = conjugateGradient(loss, point, diagonal, chol, g);
      }
      double slope = dot(g, d.step());
      if (!(slope < 0)) { // not a descent direction: fall back to the preconditioned gradient
        d = new Direction(chol.solve(negate(g)), null);
        slope = dot(g, d.step());
      }
      if (-slope / 2 < tolerance) {
        return new Solution(point.theta(), point.value(), iteration, true);
      }
      NplmLoss.Point next = lineSearch(loss, point, d, slope);
      if (next == null) {
        return new Solution(point.theta(), point.value(), iteration, false);
      }
      point = next;
    }
    return new Solution(point.theta(), point.value(), maxIterations, false);
  }

  /**
   * A search direction d, with φ_e·d_β on every reference event when CG has computed it (null
   * otherwise): then f along the line is f_e + t·φ_e·d_β, and the line search needs no dot product
   * over φ.
   */
  private record Direction(double[] step, double[] projection) {}

  /**
   * Backtracking (Armijo) line search along d from {@code point}. The full step is tried with the
   * pass that also gives the gradient there, so that when it is accepted — nearly always — a Newton
   * iteration costs one loss pass instead of two; the halvings that follow a rejection evaluate the
   * loss only. Null when 50 halvings find no decrease.
   */
  private NplmLoss.Point lineSearch(
      NplmLoss loss, NplmLoss.Point point, Direction d, double slope) {
    NplmLoss.Point full = loss.at(axpy(point.theta(), 1, d.step()), along(point, d, 1));
    if (armijo(full.value(), point.value(), 1, slope)) {
      return full;
    }
    double step = 1;
    for (int halvings = 1; halvings < 50; halvings++) {
      step /= 2;
      double[] trial = axpy(point.theta(), step, d.step());
      if (armijo(loss.value(trial, along(point, d, step)), point.value(), step, slope)) {
        return loss.at(trial, along(point, d, step));
      }
    }
    return null;
  }

  /** f_e at θ + step·d, from f at θ and φ_e·d_β; null (recompute) when either is unknown. */
  private static double[] along(NplmLoss.Point point, Direction d, double step) {
    if (point.f() == null || d.projection() == null) {
      return null;
    }
    return axpy(point.f(), step, d.projection());
  }

  private static boolean armijo(double value, double start, double step, double slope) {
    return value <= start + 1e-4 * step * slope;
  }

  /**
   * Preconditioned CG on H d = −g from d = 0, truncated (inexact Newton): it stops once the
   * preconditioned residual rᵀP⁻¹r has fallen below {@link #CG_FORCING}² of its start or below
   * {@link #CG_ABSOLUTE} of the tolerance, or on negative curvature. Why that is enough: the CG
   * iterates satisfy −gᵀd_k = gᵀH⁻¹g − r_kᵀH⁻¹r_k, so the predicted decrease −gᵀd/2 that decides
   * convergence underestimates the exact Newton decrement gᵀH⁻¹g/2 by r_kᵀH⁻¹r_k/2 ≈ r_kᵀP⁻¹r_k/2
   * (P ≈ H): by a fraction ≈ CG_FORCING² of it, or CG_ABSOLUTE·tolerance/2 at most near the
   * minimum. Far from the minimum a Newton direction good to a few per cent loses almost nothing
   * per iteration (inexact Newton converges linearly with a rate ≈ the forcing term), and the
   * absolute criterion takes over near it.
   */
  private Direction conjugateGradient(
      NplmLoss loss, NplmLoss.Point point, double[] diagonal, Cholesky pre, double[] g) {
    int p = g.length;
    double[] x = new double[p];
    double[] r = negate(g);
    double[] z = pre.solve(r);
    double[] dir = z.clone();
    double rz = dot(r, z);
    double stop = Math.max(CG_FORCING * CG_FORCING * rz, CG_ABSOLUTE * tolerance);
    boolean project = point.f() != null;
    double[] projection = project ? new double[loss.referenceSize()] : null;
    double[] xProjection = project ? new double[loss.referenceSize()] : null;
    for (int it = 0; it < Math.max(p, 10); it++) {
      cgIterations++;
      double[] hd = loss.hessianTimes(point, dir, diagonal, projection);
      double curvature = dot(dir, hd);
      if (curvature <= 0) {
        return it == 0 ? new Direction(z, projection) : new Direction(x, xProjection);
      }
      double alpha = rz / curvature;
      for (int j = 0; j < p; j++) {
        x[j] += alpha * dir[j];
        r[j] -= alpha * hd[j];
      }
      if (project) {
        for (int e = 0; e < xProjection.length; e++) {
          xProjection[e] += alpha * projection[e];
        }
      }
      z = pre.solve(r);
      double rzNext = dot(r, z);
      if (rzNext <= stop) {
        break;
      }
      double beta = rzNext / rz;
      rz = rzNext;
      for (int j = 0; j < p; j++) {
        dir[j] = z[j] + beta * dir[j];
      }
    }
    return new Direction(x, xProjection);
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
