package io.trigmon.nplm.neural;

import io.trigmon.nplm.NplmOptions;
import io.trigmon.nuisance.NuisanceTerms;
import io.trigmon.nuisance.ShapeNuisanceModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One NPLM fit for the neural f, with the same composition as the kernel version (DESIGN §4):
 *
 * <pre>
 *   L(w, ν) = Σ_R w_R (exp(u_e) − 1) − Σ_D u_d + Σ_j [(ν_j − a_j)² − a_j²]/2,
 *   u(x) = f(x; w) + Σ_k [δ̂_k1(x) ν_k + δ̂_k2(x) ν_k²] + s_N·ν_N
 * </pre>
 *
 * the constraint sum running over the shape nuisances and, when constrained, the normalisation.
 *
 * @param reference raw reference rows (N_R × d); standardised with the reference's own mean/σ
 * @param weight w_R of every reference event, N(R0)/N_R
 * @param data raw data rows (N_D × d)
 * @param referenceTerms δ̂ on the reference rows ({@link NuisanceTerms#none()} without nuisances)
 * @param dataTerms δ̂ on the data rows, same nuisances
 * @param normScale s_N of the log-normalisation nuisance (σ_N, or 1 for a free normalisation); 0
 *     for none
 * @param normConstrained whether ν_N has a unit Gaussian constraint
 * @param aux auxiliary values a_j (σ units): one per shape nuisance, then one for the normalisation
 *     when {@code normScale ≠ 0}
 */
public record NeuralNplmProblem(
    double[][] reference,
    double weight,
    double[][] data,
    NuisanceTerms referenceTerms,
    NuisanceTerms dataTerms,
    double normScale,
    boolean normConstrained,
    double[] aux) {

  public NeuralNplmProblem {
    if (!referenceTerms.names().equals(dataTerms.names())) {
      throw new IllegalArgumentException("reference and data δ̂ are for different nuisances");
    }
    int parameters = referenceTerms.nuisances() + (normScale != 0 ? 1 : 0);
    if (aux.length != parameters) {
      throw new IllegalArgumentException(
          "one auxiliary value per nuisance expected (" + parameters + "), got " + aux.length);
    }
    if (!(weight > 0)) {
      throw new IllegalArgumentException("reference weight must be positive");
    }
    aux = aux.clone();
  }

  /** No nuisances: L = Σ_R w (e^f − 1) − Σ_D f. */
  public static NeuralNplmProblem withoutNuisances(
      double[][] reference, double weight, double[][] data) {
    return new NeuralNplmProblem(
        reference,
        weight,
        data,
        NuisanceTerms.none(),
        NuisanceTerms.none(),
        0,
        false,
        new double[0]);
  }

  /**
   * The problem as the kernel NPLM composes it from its options: with {@code expected} = N(R0) the
   * reference weight is N(R0)/N_R and the normalisation nuisance has scale σ_N and a unit
   * constraint (none when σ_N = 0); with {@code expected} null (shape-only) the weight is N_D/N_R
   * and ν_N is free with scale 1.
   *
   * @param model the δ̂ model, or null for no shape nuisances
   * @param aux auxiliary values in σ units by nuisance name ({@code norm} for the normalisation);
   *     missing names are 0
   */
  public static NeuralNplmProblem of(
      double[][] reference,
      double[][] data,
      ShapeNuisanceModel model,
      Double expected,
      double normSigma,
      Map<String, Double> aux) {
    NuisanceTerms referenceTerms = model == null ? NuisanceTerms.none() : model.evaluate(reference);
    NuisanceTerms dataTerms = model == null ? NuisanceTerms.none() : model.evaluate(data);
    return of(
        reference,
        referenceTerms,
        data,
        dataTerms,
        new NplmOptions(expected, normSigma, aux, 1e-6, 100));
  }

  /** The same composition from δ̂ already evaluated on both samples and the test options. */
  public static NeuralNplmProblem of(
      double[][] reference,
      NuisanceTerms referenceTerms,
      double[][] data,
      NuisanceTerms dataTerms,
      NplmOptions options) {
    boolean shapeOnly = options.shapeOnlyMode();
    double weight = (shapeOnly ? data.length : options.expected()) / reference.length;
    double normScale = shapeOnly ? 1 : options.normSigma();
    List<String> names = new ArrayList<>(referenceTerms.names());
    if (normScale != 0) {
      names.add(NeuralNplm.NORM);
    }
    double[] a = names.stream().mapToDouble(n -> options.aux().getOrDefault(n, 0.0)).toArray();
    if (shapeOnly) {
      a[a.length - 1] = 0; // a free normalisation has no auxiliary measurement
    }
    return new NeuralNplmProblem(
        reference, weight, data, referenceTerms, dataTerms, normScale, !shapeOnly, a);
  }

  int shapes() {
    return referenceTerms.nuisances();
  }

  boolean hasNorm() {
    return normScale != 0;
  }
}
