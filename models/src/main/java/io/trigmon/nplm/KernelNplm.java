package io.trigmon.nplm;

import io.trigmon.event.DileptonFeatures;
import io.trigmon.mlp.Standardisation;
import io.trigmon.nuisance.NuisanceTerms;
import io.trigmon.nuisance.ShapeNuisanceModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The kernel NPLM test (after Letizia et al., EPJC 82 (2022) 879), prepared once per reference
 * sample and then run on any number of data windows with {@link #test(double[][], NplmOptions)}.
 *
 * <p>f(x) = Σ_{j≤M} α_j k(x, c_j) with a Gaussian kernel on inputs standardised with the
 * reference's mean and standard deviation, L2 penalty λ·N(R0)·αᵀK_MM α, fitted on the loss of
 * DESIGN §4 ({@link NplmLoss}) jointly with the nuisances for τ, over the nuisances alone for Δ; t
 * = τ − Δ. τ is reported without the penalty term, as in the published version (so t ≥ 0 still
 * holds: the penalised minimum is no larger than the Δ minimum, which has f = 0).
 *
 * <p><b>Centres.</b> DESIGN §4 draws the Nyström centres from R ∪ D. Here all M centres are drawn
 * once from the reference, because then everything that depends on R — the orthonormal feature map
 * of K_MM, the features φ on every reference event (N_R × r), δ̂ on R — is computed once and reused
 * for every window, and a window enters only through Σ_D φ (N_D·M kernel evaluations) and the sums
 * of δ̂ over D. With centres from D the N_R × M reference block would have to be recomputed for
 * every window (N_R·M kernel evaluations plus an N_R·M·r projection, seconds per test). What the D
 * centres would add is small: with the wide kernel of the protocol (σ at the 90th percentile of the
 * pairwise distances) the span of M ≳ √N_R reference centres is already numerically complete on the
 * support of R (K_MM has many eigenvalues below 10⁻¹⁰ of the largest), and a data window's events
 * lie in that support; the exception — an excess entirely outside the reference's support — is
 * flagged by any test.
 *
 * <p><b>Cost.</b> Once per reference: the feature map (N_R·M kernel evaluations and an N_R·M·r
 * product) and the Gram matrix G0 = Σ_R z zᵀ of the features and δ̂ (N_R·p²/2), seconds at N_R =
 * 10⁵. Per window: Σ_D φ (N_D·M kernel evaluations), then the τ fit by truncated Newton: per
 * iteration a few preconditioned conjugate-gradient steps with exact Hessian-vector products
 * (2·N_R·p each) and one loss-and-gradient pass over R, the preconditioner being G0 rescaled to the
 * current mean weight (no pass over R), about ten passes over the N_R × r features in all; see
 * {@link NewtonSolver}. The Δ fit has only the nuisances and costs little. Reference sums run in
 * parallel chunks on the common fork-join pool. Measured on this project's 2-core machine: see
 * {@code reports/nplm/speed.md}.
 *
 * <p>Instances are immutable after preparation and may be shared; a test allocates its own buffers.
 */
public final class KernelNplm implements WindowTest {

  /**
   * Up to this many parameters (the Δ fit: the nuisances) the solver forms the exact Hessian each
   * iteration; above it, truncated Newton with a preconditioned CG. Forming it costs N_R·p²/2
   * multiply-adds, a Newton step of truncated Newton about two Hessian-vector products of 2·N_R·p
   * each, so the exact Hessian only pays for p below about 8.
   */
  static final int EXACT_HESSIAN_MAX_PARAMETERS = 8;

  /**
   * Up to this many N_D·M kernel values (as floats: 32 MB) a test keeps the window's kernel rows
   * from Σ_D φ for the excess location, instead of computing them a second time (issue 8 profile:
   * the second pass was ~7 % of a window test); above it, they are recomputed.
   */
  static final long KERNEL_CACHE_ENTRIES = 8_000_000;

  private final KernelHyperParameters hyper;
  private final Standardisation standardisation;
  private final NystromBasis basis;
  private final NplmLoss.ReferenceBlock block;
  private final List<String> nuisanceNames;
  private final ShapeNuisanceModel nuisanceModel;
  private final double prepareSeconds;

  private KernelNplm(
      KernelHyperParameters hyper,
      Standardisation standardisation,
      NystromBasis basis,
      NplmLoss.ReferenceBlock block,
      List<String> nuisanceNames,
      ShapeNuisanceModel nuisanceModel,
      double prepareSeconds) {
    this.hyper = hyper;
    this.standardisation = standardisation;
    this.basis = basis;
    this.block = block;
    this.nuisanceNames = List.copyOf(nuisanceNames);
    this.nuisanceModel = nuisanceModel;
    this.prepareSeconds = prepareSeconds;
  }

  /**
   * Prepares a reference with hyper-parameters by the published protocol (σ at the 90th percentile
   * of pairwise distances, M = ⌈√N_R⌉, λ = 10⁻⁶) and no nuisances.
   */
  public static KernelNplm prepare(double[][] reference, long seed) {
    return prepare(reference, NuisanceTerms.none(), protocol(reference, 0, seed), null);
  }

  /** The hyper-parameters the published protocol gives for this reference. */
  public static KernelHyperParameters protocol(double[][] reference, int centres, long seed) {
    Standardisation s = Standardisation.fit(reference);
    return KernelHyperParameters.byProtocol(
        s.apply(reference),
        centres,
        KernelHyperParameters.DEFAULT_LAMBDA,
        KernelHyperParameters.DEFAULT_PERCENTILE,
        seed);
  }

  /**
   * Prepares a reference whose δ̂ come from a learned model (evaluated on R now, on D per test).
   */
  public static KernelNplm prepare(
      double[][] reference, ShapeNuisanceModel model, KernelHyperParameters hyper) {
    return prepare(reference, model.evaluate(reference), hyper, model);
  }

  /**
   * Prepares a reference with given δ̂ coefficients on its events (tests, or δ̂ computed
   * elsewhere); windows must then be tested with {@link #test(double[][], NuisanceTerms,
   * NplmOptions)}.
   */
  public static KernelNplm prepare(
      double[][] reference, NuisanceTerms referenceTerms, KernelHyperParameters hyper) {
    return prepare(reference, referenceTerms, hyper, null);
  }

  private static KernelNplm prepare(
      double[][] reference,
      NuisanceTerms terms,
      KernelHyperParameters hyper,
      ShapeNuisanceModel model) {
    long start = System.nanoTime();
    for (int k = 0; k < terms.nuisances(); k++) {
      if (terms.linear()[k].length != reference.length
          || terms.quadratic()[k].length != reference.length) {
        throw new IllegalArgumentException(
            "δ̂ of nuisance " + terms.names().get(k) + " not given for every reference event");
      }
    }
    if (terms.names().contains(NplmOptions.NORM)) {
      throw new IllegalArgumentException(
          "'" + NplmOptions.NORM + "' is reserved for the normalisation nuisance");
    }
    Standardisation standardisation = Standardisation.fit(reference);
    double[][] z = standardisation.apply(reference);
    return prepare(
        reference, z, standardisation, drawCentres(z, hyper), terms, hyper, model, start);
  }

  /**
   * Prepares a reference with a given standardisation and given centres (in its standardised units)
   * instead of the protocol's: studies of the input scaling and of the centre placement
   * (reports/nplm/power-investigation.md).
   */
  static KernelNplm prepareWithCentres(
      double[][] reference,
      Standardisation standardisation,
      double[][] standardisedCentres,
      KernelHyperParameters hyper) {
    long start = System.nanoTime();
    return prepare(
        reference,
        standardisation.apply(reference),
        standardisation,
        standardisedCentres,
        NuisanceTerms.none(),
        hyper,
        null,
        start);
  }

  private static KernelNplm prepare(
      double[][] reference,
      double[][] z,
      Standardisation standardisation,
      double[][] centres,
      NuisanceTerms terms,
      KernelHyperParameters hyper,
      ShapeNuisanceModel model,
      long start) {
    NystromBasis basis = new NystromBasis(centres, hyper.sigma());
    double[] features = basis.features(z);
    NplmLoss.ReferenceBlock block =
        NplmLoss.ReferenceBlock.of(
            reference.length, basis.rank(), features, terms.linear(), terms.quadratic());
    return new KernelNplm(
        hyper,
        standardisation,
        basis,
        block,
        terms.names(),
        model,
        (System.nanoTime() - start) / 1e9);
  }

  /** M distinct reference events, drawn without replacement with the hyper-parameters' seed. */
  private static double[][] drawCentres(double[][] z, KernelHyperParameters hyper) {
    int n = z.length;
    int m = Math.min(hyper.centres(), n);
    int[] index = new int[n];
    for (int i = 0; i < n; i++) {
      index[i] = i;
    }
    SplittableRandom random = new SplittableRandom(hyper.seed());
    double[][] centres = new double[m][];
    for (int i = 0; i < m; i++) {
      int j = i + random.nextInt(n - i);
      int tmp = index[i];
      index[i] = index[j];
      index[j] = tmp;
      centres[i] = z[index[i]];
    }
    return centres;
  }

  /** Tests a window, evaluating the δ̂ model given at preparation (if any) on it. */
  public NplmResult test(double[][] window, NplmOptions options) {
    NuisanceTerms terms =
        nuisanceModel == null ? none(window.length) : nuisanceModel.evaluate(window);
    return test(window, terms, options);
  }

  private NuisanceTerms none(int events) {
    if (!nuisanceNames.isEmpty()) {
      throw new IllegalStateException(
          "this reference was prepared with δ̂ terms but no model: pass the window's δ̂ terms");
    }
    return NuisanceTerms.none();
  }

  /** Tests a window with its δ̂ coefficients (same nuisances, same order as the reference's). */
  @Override
  public NplmResult test(double[][] window, NuisanceTerms windowTerms, NplmOptions options) {
    return test(window, windowTerms, options, EXACT_HESSIAN_MAX_PARAMETERS);
  }

  /**
   * The test with the exact Hessian formed for fits of up to {@code exactHessianMaxParameters}
   * parameters (tests: {@link Integer#MAX_VALUE} gives plain Newton with Cholesky for both fits).
   */
  NplmResult test(
      double[][] window,
      NuisanceTerms windowTerms,
      NplmOptions options,
      int exactHessianMaxParameters) {
    long start = System.nanoTime();
    if (!windowTerms.names().equals(nuisanceNames)) {
      throw new IllegalArgumentException(
          "window δ̂ for " + windowTerms.names() + " but reference δ̂ for " + nuisanceNames);
    }
    for (String name : options.aux().keySet()) {
      if (!name.equals(NplmOptions.NORM) && !nuisanceNames.contains(name)) {
        throw new IllegalArgumentException(
            "auxiliary value for unknown nuisance '" + name + "' (known: " + nuisanceNames + ")");
      }
    }
    if (window.length == 0) {
      throw new IllegalArgumentException("empty data window");
    }
    double[][] z = standardisation.apply(window);
    float[] kernelCache =
        locatesExcess() && (long) window.length * basis.centres() <= KERNEL_CACHE_ENTRIES
            ? new float[window.length * basis.centres()]
            : null;
    NplmLoss.WindowSums sums = windowSums(z, windowTerms, kernelCache);

    boolean shapeOnly = options.shapeOnlyMode();
    double expected = shapeOnly ? window.length : options.expected();
    double weight = expected / block.size();
    double normScale = shapeOnly ? 1 : options.normSigma();
    boolean normConstrained = !shapeOnly;
    List<String> names = new ArrayList<>(nuisanceNames);
    if (normScale != 0) {
      names.add(NplmOptions.NORM);
    }
    double[] aux = names.stream().mapToDouble(options::auxOf).toArray();
    if (shapeOnly) {
      aux[aux.length - 1] = 0; // a free normalisation has no auxiliary measurement
    }
    double penalty = hyper.lambda() * expected;
    NewtonSolver solver =
        new NewtonSolver(options.tolerance(), options.maxIterations(), exactHessianMaxParameters);

    NplmLoss tauLoss =
        new NplmLoss(block, true, weight, penalty, normScale, normConstrained, sums, aux);
    NewtonSolver.Solution tauFit = solver.minimise(tauLoss);
    NplmLoss deltaLoss =
        new NplmLoss(block, false, weight, penalty, normScale, normConstrained, sums, aux);
    NewtonSolver.Solution deltaFit = solver.minimise(deltaLoss);

    double tau = -2 * (tauFit.value() - tauLoss.penaltyTerm(tauFit.theta()));
    double delta = -2 * deltaFit.value();
    return new NplmResult(
        tau - delta,
        tau,
        delta,
        named(names, tauLoss.nuisances(tauFit.theta())),
        named(names, deltaLoss.nuisances(deltaFit.theta())),
        null,
        null,
        null,
        window.length,
        block.size(),
        (System.nanoTime() - start) / 1e9,
        tauFit.iterations() + deltaFit.iterations(),
        "kernel",
        excessM12(window, z, tauFit.theta(), kernelCache));
  }

  /** The excess location needs the five dilepton features. */
  private boolean locatesExcess() {
    return standardisation.dimension() == DileptonFeatures.DIMENSION;
  }

  /**
   * Median M12 of the data events where the fitted f is largest (top 1 %, at least 5): where the
   * excess sits. Only for the five dilepton features; f on D comes from the kernel rows kept by Σ_D
   * φ when {@code kernelCache} holds them (N_D·M multiply-adds), else costs N_D·M kernel
   * evaluations.
   */
  private Double excessM12(double[][] window, double[][] z, double[] theta, float[] kernelCache) {
    if (!locatesExcess()) {
      return null;
    }
    double[] beta = java.util.Arrays.copyOf(theta, basis.rank());
    double[] alpha = basis.alpha(beta);
    double[] f =
        kernelCache == null
            ? basis.evaluate(z, alpha)
            : basis.evaluate(kernelCache, window.length, alpha);
    int top = Math.min(window.length, Math.max(5, window.length / 100));
    double[] m12 = new double[top];
    int n = 0;
    for (int i : largest(f, top)) {
      double[] x = window[i];
      m12[n++] = DileptonFeatures.m12(x[0], x[1], x[2], x[3], x[4]);
    }
    java.util.Arrays.sort(m12);
    return top % 2 == 1 ? m12[top / 2] : (m12[top / 2 - 1] + m12[top / 2]) / 2;
  }

  /**
   * Indices of the {@code top} largest values, ties at the smallest of them going to the lowest
   * indices (the events a stable sort by decreasing value would put first), with one primitive sort
   * instead of sorting boxed indices.
   */
  static int[] largest(double[] values, int top) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    double threshold = sorted[values.length - top];
    int[] out = new int[top];
    int n = 0;
    for (int i = 0; i < values.length; i++) {
      if (Double.compare(values[i], threshold) > 0) {
        out[n++] = i;
      }
    }
    for (int i = 0; i < values.length && n < top; i++) {
      if (Double.compare(values[i], threshold) == 0) {
        out[n++] = i;
      }
    }
    return out;
  }

  private NplmLoss.WindowSums windowSums(double[][] z, NuisanceTerms terms, float[] kernelCache) {
    int k = terms.nuisances();
    double[] linear = new double[k];
    double[] quadratic = new double[k];
    for (int i = 0; i < k; i++) {
      if (terms.linear()[i].length != z.length || terms.quadratic()[i].length != z.length) {
        throw new IllegalArgumentException(
            "δ̂ of nuisance " + terms.names().get(i) + " not given for every window event");
      }
      for (int e = 0; e < z.length; e++) {
        linear[i] += terms.linear()[i][e];
        quadratic[i] += terms.quadratic()[i][e];
      }
    }
    return new NplmLoss.WindowSums(basis.featureSum(z, kernelCache), linear, quadratic, z.length);
  }

  private static Map<String, Double> named(List<String> names, double[] values) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      out.put(names.get(i), values[i]);
    }
    return out;
  }

  public KernelHyperParameters hyperParameters() {
    return hyper;
  }

  public Standardisation standardisation() {
    return standardisation;
  }

  /** Rank r of the Nyström basis actually fitted (≤ M). */
  public int rank() {
    return basis.rank();
  }

  /** N_R. */
  public int referenceSize() {
    return block.size();
  }

  /** Names of the shape nuisances, in δ̂ order. */
  @Override
  public List<String> nuisanceNames() {
    return nuisanceNames;
  }

  /** Wall time the preparation took. */
  public double prepareSeconds() {
    return prepareSeconds;
  }

  /** The loss of the τ fit for a window (tests: gradients, convexity). */
  NplmLoss tauLoss(double[][] window, NuisanceTerms terms, NplmOptions options) {
    double[][] z = standardisation.apply(window);
    NplmLoss.WindowSums sums = windowSums(z, terms, null);
    double expected = Objects.requireNonNull(options.expected());
    double[] aux = new double[terms.nuisances() + (options.normSigma() != 0 ? 1 : 0)];
    for (int k = 0; k < terms.nuisances(); k++) {
      aux[k] = options.auxOf(terms.names().get(k));
    }
    if (options.normSigma() != 0) {
      aux[aux.length - 1] = options.auxOf(NplmOptions.NORM);
    }
    return new NplmLoss(
        block,
        true,
        expected / block.size(),
        hyper.lambda() * expected,
        options.normSigma(),
        true,
        sums,
        aux);
  }
}
