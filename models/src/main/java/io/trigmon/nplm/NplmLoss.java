package io.trigmon.nplm;

import java.util.stream.IntStream;

/**
 * The extended-likelihood NPLM loss of DESIGN §4 for a Nyström model f(x) = βᵀφ(x), with shape
 * nuisances ν_k entering through log r̂(x;ν) = Σ_k [δ̂_k1(x) ν_k + δ̂_k2(x) ν_k²] and an optional
 * log-normalisation nuisance entering as s_N·ν_N:
 *
 * <pre>
 *   L(β, ν) = Σ_R w (exp(u_e) − 1) − Σ_D u_d + c|β|² + Σ_k [(ν_k − a_k)² − a_k²]/2,
 *   u(x) = βᵀφ(x) + log r̂(x;ν)
 * </pre>
 *
 * (the last sum is −log L(ν|A)/L(0|A) with ν in σ units; a free normalisation has no such term).
 * The parameter vector θ = (β, ν_1 … ν_K, ν_N): β is absent for the Δ fit, ν_N when there is no
 * normalisation nuisance. The data term is linear in f and log r̂, so a window enters only through
 * Σ_D φ, Σ_D δ̂_k1, Σ_D δ̂_k2 and N_D. The reference sums are computed in parallel chunks.
 *
 * <p>Convex in β (the Hessian Σ_R w e^u φφᵀ + 2c·I is positive definite); in ν only as far as the
 * quadratic terms δ̂_k2 allow, which the solver handles with damping.
 */
final class NplmLoss {

  private static final int CHUNK = 2048;

  /** The loops over a row of φ: most of the solver's time ({@link RowKernels}). */
  private static final RowKernels ROWS = RowKernels.select();

  private final ReferenceBlock reference;
  private final int rank; // length of β (0 for the Δ fit)
  private final int shapes;
  private final boolean hasNorm;
  private final double normScale;
  private final boolean normConstrained;
  private final double weight;
  private final double penalty;
  private final double[] dataFeatureSum;
  private final double[] dataLinearSum;
  private final double[] dataQuadraticSum;
  private final int dataCount;
  private final double[] aux; // per ν (shape then norm)

  /**
   * @param reference the prepared reference (features, δ̂ on R)
   * @param fitF whether β is fitted (τ) or absent (Δ)
   * @param weight w of each reference event
   * @param penalty c of the c|β|² term
   * @param normScale s_N of the normalisation nuisance, 0 for none
   * @param normConstrained whether ν_N has a unit Gaussian constraint (false: free, shape-only)
   * @param window per-window sums
   * @param aux auxiliary measurements ν_A, one per ν (shape then norm)
   */
  NplmLoss(
      ReferenceBlock reference,
      boolean fitF,
      double weight,
      double penalty,
      double normScale,
      boolean normConstrained,
      WindowSums window,
      double[] aux) {
    this.reference = reference;
    this.rank = fitF ? reference.rank() : 0;
    this.shapes = reference.shapes();
    this.hasNorm = normScale != 0;
    this.normScale = normScale;
    this.normConstrained = normConstrained;
    this.weight = weight;
    this.penalty = penalty;
    this.dataFeatureSum = window.featureSum();
    this.dataLinearSum = window.linearSum();
    this.dataQuadraticSum = window.quadraticSum();
    this.dataCount = window.count();
    this.aux = aux.clone();
    if (aux.length != shapes + (hasNorm ? 1 : 0)) {
      throw new IllegalArgumentException("one auxiliary value per nuisance expected");
    }
  }

  /**
   * The reference quantities the loss reads: φ on R (N_R × r), δ̂ on R, and the Gram matrix G0 =
   * Σ_R z0 z0ᵀ of z0 = (φ, δ̂_11 … δ̂_K1, 1) — the Hessian at θ = 0 up to the weight, which makes
   * the solver's preconditioner without another pass over R.
   */
  record ReferenceBlock(
      int size,
      int rank,
      double[] features,
      double[][] linear,
      double[][] quadratic,
      double[] gram) {
    int shapes() {
      return linear.length;
    }

    /** Builds the block, computing G0 in parallel (N_R·(r + K + 1)²/2 operations, once). */
    static ReferenceBlock of(
        int size, int rank, double[] features, double[][] linear, double[][] quadratic) {
      int p = rank + linear.length + 1;
      int chunks = (size + CHUNK - 1) / CHUNK;
      double[] upper =
          IntStream.range(0, chunks)
              .parallel()
              .mapToObj(
                  c -> {
                    double[] h = new double[p * p];
                    double[] z = new double[p];
                    for (int e = c * CHUNK; e < Math.min(size, (c + 1) * CHUNK); e++) {
                      System.arraycopy(features, e * rank, z, 0, rank);
                      for (int k = 0; k < linear.length; k++) {
                        z[rank + k] = linear[k][e];
                      }
                      z[p - 1] = 1;
                      for (int j = 0; j < p; j++) {
                        double zj = z[j];
                        int row = j * p;
                        for (int l = j; l < p; l++) {
                          h[row + l] += zj * z[l];
                        }
                      }
                    }
                    return h;
                  })
              .reduce(new double[p * p], NplmLoss::add);
      for (int j = 0; j < p; j++) {
        for (int l = j + 1; l < p; l++) {
          upper[l * p + j] = upper[j * p + l];
        }
      }
      return new ReferenceBlock(size, rank, features, linear, quadratic, upper);
    }
  }

  /** What the loss needs from a data window. */
  record WindowSums(double[] featureSum, double[] linearSum, double[] quadraticSum, int count) {}

  /** Number of parameters. */
  int dimension() {
    return rank + shapes + (hasNorm ? 1 : 0);
  }

  int rank() {
    return rank;
  }

  int referenceSize() {
    return reference.size();
  }

  /** The penalty c|β|² at θ (excluded from τ, as in the published kernel NPLM). */
  double penaltyTerm(double[] theta) {
    double s = 0;
    for (int j = 0; j < rank; j++) {
      s += theta[j] * theta[j];
    }
    return penalty * s;
  }

  /** Loss value only (for line searches). */
  double value(double[] theta) {
    return value(theta, null);
  }

  /**
   * Loss value only, with f_e = βᵀφ_e on every reference event given ({@code f}, e.g. extrapolated
   * along a search direction: then it costs no pass over φ), or computed when {@code f} is null.
   */
  double value(double[] theta, double[] f) {
    double[] nu = nuisances(theta);
    double expSum =
        IntStream.range(0, chunks())
            .parallel()
            .mapToDouble(
                c -> {
                  double s = 0;
                  for (int e = c * CHUNK; e < end(c); e++) {
                    s += Math.exp(f(e, theta, f) + logRatio(e, nu));
                  }
                  return s;
                })
            .sum();
    return weight * expSum
        - weight * reference.size()
        - dataTerm(theta, nu)
        + penaltyTerm(theta)
        + constraint(nu);
  }

  /** Loss, gradient and the per-event weights a_e = w·exp(u_e) at θ. */
  Point at(double[] theta) {
    return at(theta, null);
  }

  /**
   * Loss, gradient and the per-event weights a_e = w·exp(u_e) at θ, in one pass over R: per event
   * the dot product f_e = φ_e·β (unless {@code f} gives it) and the scaled addition a_e·φ_e for the
   * gradient, both over the contiguous row of φ.
   */
  Point at(double[] theta, double[] f) {
    double[] nu = nuisances(theta);
    int p = dimension();
    double[] a = new double[reference.size()];
    double[] fOut = rank == 0 ? null : f != null ? f : new double[reference.size()];
    double[] grad =
        IntStream.range(0, chunks())
            .parallel()
            .mapToObj(
                c -> {
                  double[] g = new double[p + 1];
                  double[] phi = reference.features();
                  int r = reference.rank();
                  for (int e = c * CHUNK; e < end(c); e++) {
                    double fe = f(e, theta, f);
                    if (fOut != null) {
                      fOut[e] = fe;
                    }
                    double ae = weight * Math.exp(fe + logRatio(e, nu));
                    a[e] = ae;
                    g[p] += ae;
                    ROWS.addScaled(g, ae, phi, e * r, rank);
                    for (int k = 0; k < shapes; k++) {
                      g[rank + k] += ae * nuisanceGradient(k, e, nu);
                    }
                  }
                  if (hasNorm) {
                    g[p - 1] = normScale * g[p];
                  }
                  return g;
                })
            .reduce(new double[p + 1], NplmLoss::add);
    double sumA = grad[p];
    double value =
        sumA
            - weight * reference.size()
            - dataTerm(theta, nu)
            + penaltyTerm(theta)
            + constraint(nu);
    double[] gradient = new double[p];
    System.arraycopy(grad, 0, gradient, 0, p);
    addExplicitGradient(gradient, theta, nu);
    return new Point(theta.clone(), value, gradient, a, fOut);
  }

  /** Adds the gradient of the terms that are not sums over R: data, penalty, constraint. */
  private void addExplicitGradient(double[] gradient, double[] theta, double[] nu) {
    for (int j = 0; j < rank; j++) {
      gradient[j] += 2 * penalty * theta[j] - dataFeatureSum[j];
    }
    for (int k = 0; k < shapes; k++) {
      gradient[rank + k] +=
          -(dataLinearSum[k] + 2 * dataQuadraticSum[k] * nu[k]) + (nu[k] - aux[k]);
    }
    if (hasNorm) {
      gradient[rank + shapes] +=
          -normScale * dataCount + (normConstrained ? nu[shapes] - aux[shapes] : 0);
    }
  }

  /**
   * The loss, gradient and event weights at one θ, with f_e = βᵀφ_e on every reference event (null
   * without β), which lets a line search extrapolate f along a direction instead of recomputing it.
   */
  record Point(double[] theta, double value, double[] gradient, double[] a, double[] f) {}

  /**
   * The Hessian, summing the reference part over {@code events} only (each weighted by N_R / its
   * size) or over all reference events when {@code events} is null. With a subsample it is the
   * preconditioner of the truncated Newton solver.
   */
  double[][] hessian(Point point, int[] events) {
    int p = dimension();
    double[] nu = nuisances(point.theta());
    int n = events == null ? reference.size() : events.length;
    double scale = (double) reference.size() / n;
    int chunks = (n + CHUNK - 1) / CHUNK;
    double[] upper =
        IntStream.range(0, chunks)
            .parallel()
            .mapToObj(
                c -> {
                  double[] h = new double[p * p];
                  double[] z = new double[p];
                  for (int i = c * CHUNK; i < Math.min(n, (c + 1) * CHUNK); i++) {
                    int e = events == null ? i : events[i];
                    double ae = point.a()[e];
                    gradientOfU(e, nu, z);
                    for (int j = 0; j < p; j++) {
                      double azj = ae * z[j];
                      int row = j * p;
                      for (int l = j; l < p; l++) {
                        h[row + l] += azj * z[l];
                      }
                    }
                  }
                  return h;
                })
            .reduce(new double[p * p], NplmLoss::add);
    double[][] h = new double[p][p];
    for (int j = 0; j < p; j++) {
      for (int l = j; l < p; l++) {
        h[j][l] = upper[j * p + l] * scale;
        h[l][j] = h[j][l];
      }
    }
    double[] diagonal = curvatureDiagonal(point, events, scale);
    for (int j = 0; j < p; j++) {
      h[j][j] += diagonal[j];
    }
    return h;
  }

  /**
   * The solver's preconditioner: the Hessian with every a_e replaced by their mean, (Σ_R a/N_R)·G0
   * restricted to this loss's parameters, plus the exact diagonal terms. Exact at θ = 0 and close
   * wherever f and log r̂ vary little over R; costs no pass over R.
   */
  double[][] preconditioner(Point point) {
    int p = dimension();
    int full = reference.rank() + shapes + 1;
    double meanA = 0;
    for (double ae : point.a()) {
      meanA += ae;
    }
    meanA /= reference.size();
    double[] diagonal = curvatureDiagonal(point, null, 1);
    double[][] h = new double[p][p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        h[i][j] =
            meanA
                * gramFactor(i)
                * gramFactor(j)
                * reference.gram()[gramIndex(i) * full + gramIndex(j)];
      }
      h[i][i] += diagonal[i];
    }
    return h;
  }

  /** Index in z0 = (φ, δ̂_11 … δ̂_K1, 1) of this loss's parameter j. */
  private int gramIndex(int j) {
    if (j < rank) {
      return j;
    }
    return j < rank + shapes ? reference.rank() + j - rank : reference.rank() + shapes;
  }

  /** ∂u/∂θ_j = factor · z0[gramIndex(j)] at ν = 0: s_N for the normalisation, else 1. */
  private double gramFactor(int j) {
    return j < rank + shapes ? 1 : normScale;
  }

  /**
   * The loss, gradient and event weights at θ = 0, where the solver starts, without a pass over R:
   * there every u_e is 0, so a_e = w, L = 0, and the reference part of the gradient is w·Σ_R z0,
   * the last column of G0 (Σ_R z0·1).
   */
  Point origin() {
    int p = dimension();
    int full = reference.rank() + shapes + 1;
    double[] theta = new double[p];
    double[] nu = nuisances(theta);
    double[] gradient = new double[p];
    for (int j = 0; j < p; j++) {
      gradient[j] = weight * gramFactor(j) * reference.gram()[gramIndex(j) * full + full - 1];
    }
    addExplicitGradient(gradient, theta, nu);
    double[] a = new double[reference.size()];
    java.util.Arrays.fill(a, weight);
    return new Point(theta, constraint(nu), gradient, a, rank == 0 ? null : new double[a.length]);
  }

  /**
   * Whether {@link #preconditioner} equals the Hessian at this point: when β and the shape ν are 0
   * every z_e is the z0 of G0 and every a_e the same (w·e^{s_N ν_N}), which is the case at the
   * solver's starting point.
   */
  boolean preconditionerIsExact(Point point) {
    double[] theta = point.theta();
    for (int j = 0; j < rank + shapes; j++) {
      if (theta[j] != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * H·v with the reference part summed over all reference events: per event one dot product z_e·v
   * and one scaled addition into the result, 2·N_R·p multiply-adds in all.
   */
  double[] hessianTimes(Point point, double[] v, double[] diagonal) {
    return hessianTimes(point, v, diagonal, null);
  }

  /**
   * H·v, also writing φ_e·v_β (the change of f_e along v, which the products compute anyway) into
   * {@code projection} when it is not null.
   */
  double[] hessianTimes(Point point, double[] v, double[] diagonal, double[] projection) {
    int p = dimension();
    double[] nu = nuisances(point.theta());
    double[] a = point.a();
    double[] out =
        IntStream.range(0, chunks())
            .parallel()
            .mapToObj(
                c -> {
                  double[] hv = new double[p];
                  double[] phi = reference.features();
                  int r = reference.rank();
                  double vNorm = hasNorm ? normScale * v[p - 1] : 0;
                  double normSum = 0;
                  for (int e = c * CHUNK; e < end(c); e++) {
                    double fv = ROWS.dot(phi, e * r, v, rank);
                    if (projection != null) {
                      projection[e] = fv;
                    }
                    double s = fv + vNorm;
                    for (int k = 0; k < shapes; k++) {
                      s += nuisanceGradient(k, e, nu) * v[rank + k];
                    }
                    s *= a[e];
                    ROWS.addScaled(hv, s, phi, e * r, rank);
                    for (int k = 0; k < shapes; k++) {
                      hv[rank + k] += s * nuisanceGradient(k, e, nu);
                    }
                    normSum += s;
                  }
                  if (hasNorm) {
                    hv[p - 1] = normScale * normSum;
                  }
                  return hv;
                })
            .reduce(new double[p], NplmLoss::add);
    for (int j = 0; j < p; j++) {
      out[j] += diagonal[j] * v[j];
    }
    return out;
  }

  /**
   * The diagonal part of the Hessian that is not a sum of z zᵀ: the penalty 2c on β, and on ν_k the
   * curvature of log r̂ (Σ_R a·2δ̂_k2 − Σ_D 2δ̂_k2) plus the unit constraint.
   */
  double[] curvatureDiagonal(Point point, int[] events, double scale) {
    int p = dimension();
    double[] d = new double[p];
    for (int j = 0; j < rank; j++) {
      d[j] = 2 * penalty;
    }
    for (int k = 0; k < shapes; k++) {
      double[] q = reference.quadratic()[k];
      double s = 0;
      if (events == null) {
        for (int e = 0; e < reference.size(); e++) {
          s += point.a()[e] * q[e];
        }
      } else {
        for (int e : events) {
          s += point.a()[e] * q[e];
        }
        s *= scale;
      }
      d[rank + k] = 2 * s - 2 * dataQuadraticSum[k] + 1;
    }
    if (hasNorm && normConstrained) {
      d[rank + shapes] = 1;
    }
    return d;
  }

  /** ν (shape then norm) from θ. */
  double[] nuisances(double[] theta) {
    double[] nu = new double[theta.length - rank];
    System.arraycopy(theta, rank, nu, 0, nu.length);
    return nu;
  }

  /** f_e = βᵀφ_e on reference event e: {@code given[e]} when given, else computed from θ. */
  private double f(int e, double[] theta, double[] given) {
    if (rank == 0) {
      return 0;
    }
    return given != null
        ? given[e]
        : ROWS.dot(reference.features(), e * reference.rank(), theta, rank);
  }

  /** log r̂(x_e;ν) on reference event e (with the normalisation term). */
  private double logRatio(int e, double[] nu) {
    double s = 0;
    for (int k = 0; k < shapes; k++) {
      s += nu[k] * (reference.linear()[k][e] + nu[k] * reference.quadratic()[k][e]);
    }
    if (hasNorm) {
      s += normScale * nu[shapes];
    }
    return s;
  }

  /** ∂u_e/∂ν_k = δ̂_k1(x_e) + 2ν_k δ̂_k2(x_e). */
  private double nuisanceGradient(int k, int e, double[] nu) {
    return reference.linear()[k][e] + 2 * nu[k] * reference.quadratic()[k][e];
  }

  /** z_e = ∂u_e/∂θ. */
  private void gradientOfU(int e, double[] nu, double[] z) {
    System.arraycopy(reference.features(), e * reference.rank(), z, 0, rank);
    for (int k = 0; k < shapes; k++) {
      z[rank + k] = nuisanceGradient(k, e, nu);
    }
    if (hasNorm) {
      z[rank + shapes] = normScale;
    }
  }

  /** Σ_D u_d. */
  private double dataTerm(double[] theta, double[] nu) {
    double s = 0;
    for (int j = 0; j < rank; j++) {
      s += theta[j] * dataFeatureSum[j];
    }
    for (int k = 0; k < shapes; k++) {
      s += nu[k] * (dataLinearSum[k] + nu[k] * dataQuadraticSum[k]);
    }
    if (hasNorm) {
      s += normScale * nu[shapes] * dataCount;
    }
    return s;
  }

  /** −log L(ν|A)/L(0|A) = Σ [(ν − a)² − a²]/2 over the constrained nuisances. */
  private double constraint(double[] nu) {
    double s = 0;
    int constrained = shapes + (hasNorm && normConstrained ? 1 : 0);
    for (int k = 0; k < constrained; k++) {
      double d = nu[k] - aux[k];
      s += (d * d - aux[k] * aux[k]) / 2;
    }
    return s;
  }

  private int chunks() {
    return (reference.size() + CHUNK - 1) / CHUNK;
  }

  private int end(int chunk) {
    return Math.min(reference.size(), (chunk + 1) * CHUNK);
  }

  private static double[] add(double[] a, double[] b) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] + b[i];
    }
    return out;
  }
}
