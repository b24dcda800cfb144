package io.trigmon.nuisance;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.trigmon.mlp.AdamSteps;
import io.trigmon.mlp.DenseNetwork;
import io.trigmon.mlp.Standardisation;
import io.trigmon.mlp.TrainableNetwork;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Learns a {@link NuisanceModel} with DJL (DESIGN §4, "Learning δ̂"). For each shape nuisance, the
 * nominal sample S0 (label 0, total weight 1) is compared with every varied sample S1(ν_i) (label
 * 1, total weight = its yield ratio) through s = r̂/(1+r̂), r̂ = exp(δ̂_1 ν_i + δ̂_2 ν_i²); the
 * pointwise optimum is r̂ = n(x|R_ν)/n(x|R0) including the rate change. Full-batch Adam, early
 * stopping on a held-out split of every sample, weights of the best validation epoch kept.
 */
public final class DeltaTrainer {

  private final DeltaTrainingConfig config;
  private final Consumer<String> progress;
  private final List<DeltaTraining> history = new ArrayList<>();

  /**
   * @param progress receives a line every few hundred epochs and at the end of each nuisance
   */
  public DeltaTrainer(DeltaTrainingConfig config, Consumer<String> progress) {
    this.config = config;
    this.progress = progress;
  }

  /**
   * Trains one δ̂ network per nuisance named in {@code varied} (in order of first appearance).
   *
   * @param nominal raw feature rows of R0
   * @param varied samples at shifted nuisance values; other nuisances at 0
   * @param sigmas physical 1σ per nuisance (missing names get NaN: unknown)
   * @param referenceSha256 SHA-256 of the nominal sample file, or null
   */
  public NuisanceModel train(
      double[][] nominal,
      List<VariedSample> varied,
      Map<String, Double> sigmas,
      String referenceSha256) {
    Standardisation standardisation = Standardisation.fit(nominal);
    double[][] z0 = standardisation.apply(nominal);
    Split nominalSplit = Split.of(z0, config.validationFraction(), config.seed());
    Map<String, List<VariedSample>> byName = new LinkedHashMap<>();
    for (VariedSample s : varied) {
      if (s.features()[0].length != nominal[0].length) {
        throw new IllegalArgumentException(
            "varied sample "
                + s.nuisance()
                + " at ν="
                + s.nu()
                + " has "
                + s.features()[0].length
                + " features, the nominal one "
                + nominal[0].length);
      }
      byName.computeIfAbsent(s.nuisance(), k -> new ArrayList<>()).add(s);
    }
    history.clear();
    List<NuisanceDelta> deltas = new ArrayList<>();
    int index = 0;
    for (Map.Entry<String, List<VariedSample>> e : byName.entrySet()) {
      List<VariedSample> samples = e.getValue();
      double[] nus = samples.stream().mapToDouble(VariedSample::nu).toArray();
      DenseNetwork network =
          trainOne(
              e.getKey(), nominalSplit, standardisation, samples, config.seed() + 101L * index++);
      deltas.add(
          new NuisanceDelta(e.getKey(), sigmas.getOrDefault(e.getKey(), Double.NaN), nus, network));
    }
    return new NuisanceModel(standardisation, deltas, referenceSha256);
  }

  /** Training summaries of the last {@link #train} call, one per nuisance. */
  public List<DeltaTraining> history() {
    return List.copyOf(history);
  }

  private DenseNetwork trainOne(
      String name,
      Split nominal,
      Standardisation standardisation,
      List<VariedSample> samples,
      long seed) {
    long start = System.nanoTime();
    Batch train = new Batch(nominal.train(), samples, standardisation, config, seed, true);
    Batch validation =
        new Batch(nominal.validation(), samples, standardisation, config, seed, false);
    DenseNetwork initial =
        DenseNetwork.initialised(
            config.layerSizes(standardisation.dimension()), config.activation(), seed);
    try (NDManager manager = NDManager.newBaseManager();
        TrainableNetwork net = TrainableNetwork.of(manager, initial)) {
      Batch.Tensors trainArrays =
          config.batchSize() > 0 ? null : train.toArrays(manager, null, null);
      Batch.Tensors validationArrays = validation.toArrays(manager, null, null);
      AdamSteps adam = new AdamSteps(manager, net.parameters(), config.learningRate());
      double nullLoss =
          adam.evaluate(validationArrays.all(), () -> validationArrays.nullLoss(config.loss()));
      DenseNetwork best = initial;
      double bestValidation = Double.POSITIVE_INFINITY;
      double bestTrain = Double.NaN;
      int bestEpoch = 0;
      int checksWithoutGain = 0;
      int epoch = 0;
      while (epoch < config.maxEpochs() && checksWithoutGain < config.patience()) {
        double trainLoss =
            trainArrays != null
                ? adam.step(trainArrays.all(), () -> trainArrays.loss(net, config.loss()))
                : miniBatchEpoch(manager, net, adam, train, seed + epoch);
        epoch++;
        if (epoch % config.checkEvery() == 0 || epoch == config.maxEpochs()) {
          double v =
              adam.evaluate(
                  validationArrays.all(), () -> validationArrays.loss(net, config.loss()));
          if (v < bestValidation - 1e-7 * Math.abs(v)) {
            bestValidation = v;
            bestTrain = trainLoss;
            bestEpoch = epoch;
            best = net.snapshot();
            checksWithoutGain = 0;
          } else {
            checksWithoutGain++;
            // Reduce on plateau: the loss differences that matter are small against the noise of
            // a large step, so halve the step each time a third of the patience passes in vain.
            int plateau = Math.max(2, config.patience() / 3);
            if (checksWithoutGain % plateau == 0
                && adam.learningRate() > config.learningRate() / 64) {
              adam.setLearningRate(adam.learningRate() / 2);
            }
          }
          if (config.batchSize() > 0 || epoch % (config.checkEvery() * 20) == 0) {
            progress.accept(
                String.format(
                    "  δ̂ %s: epoch %d, loss %.6f, validation %.6f (r̂≡1: %.6f), step %.2g",
                    name, epoch, trainLoss, v, nullLoss, adam.learningRate()));
          }
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      history.add(
          new DeltaTraining(
              name,
              epoch,
              bestEpoch,
              bestTrain,
              bestValidation,
              nullLoss,
              train.events(),
              seconds));
      progress.accept(
          String.format(
              "δ̂ %s: %d epochs (best %d), validation loss %.6f vs %.6f for r̂≡1, %.1f s",
              name, epoch, bestEpoch, bestValidation, nullLoss, seconds));
      return best;
    }
  }

  /** One pass over the training set in mini-batches; returns the mean batch loss. */
  private double miniBatchEpoch(
      NDManager manager, TrainableNetwork net, AdamSteps adam, Batch train, long seed) {
    int nVaried = train.variedCount();
    int batches = Math.max(1, (nVaried + config.batchSize() - 1) / config.batchSize());
    int[] nominalOrder = Split.permutation(train.nominalCount(), seed);
    int[] variedOrder = Split.permutation(nVaried, seed + 1);
    double sum = 0;
    for (int b = 0; b < batches; b++) {
      int[] nominalRows = chunk(nominalOrder, b, batches);
      int[] variedRows = chunk(variedOrder, b, batches);
      try (NDManager scope = manager.newSubManager()) {
        Batch.Tensors tensors = train.toArrays(scope, nominalRows, variedRows);
        sum += adam.step(tensors.all(), () -> tensors.loss(net, config.loss()));
      }
    }
    return sum / batches;
  }

  private static int[] chunk(int[] order, int b, int batches) {
    int from = (int) ((long) order.length * b / batches);
    int to = (int) ((long) order.length * (b + 1) / batches);
    return Arrays.copyOfRange(order, from, to);
  }

  /** A train/validation split of standardised rows. */
  record Split(double[][] train, double[][] validation) {
    static Split of(double[][] rows, double validationFraction, long seed) {
      int[] order = permutation(rows.length, seed);
      int nValidation = (int) Math.round(rows.length * validationFraction);
      double[][] validation = new double[nValidation][];
      double[][] train = new double[rows.length - nValidation][];
      for (int i = 0; i < rows.length; i++) {
        if (i < nValidation) {
          validation[i] = rows[order[i]];
        } else {
          train[i - nValidation] = rows[order[i]];
        }
      }
      return new Split(train, validation);
    }

    static int[] permutation(int n, long seed) {
      int[] p = new int[n];
      Arrays.setAll(p, i -> i);
      SplittableRandom random = new SplittableRandom(seed);
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = p[i];
        p[i] = p[j];
        p[j] = t;
      }
      return p;
    }
  }

  /**
   * The weighted training (or validation) set of one nuisance: nominal rows (weight 1/N0 at every
   * ν_i) and all varied rows stacked, each with its ν and weight yield/N_i.
   */
  private static final class Batch {
    private final double[][] nominal;
    private final double[] nus;
    private final List<double[]> variedRows = new ArrayList<>();
    private final List<Double> variedNu = new ArrayList<>();
    private final List<Double> variedWeight = new ArrayList<>();

    Batch(
        double[][] nominal,
        List<VariedSample> samples,
        Standardisation standardisation,
        DeltaTrainingConfig config,
        long seed,
        boolean trainPart) {
      this.nominal = nominal;
      this.nus = samples.stream().mapToDouble(VariedSample::nu).toArray();
      int s = 0;
      for (VariedSample sample : samples) {
        Split split =
            Split.of(
                standardisation.apply(sample.features()),
                config.validationFraction(),
                seed + 7919L * ++s);
        double[][] rows = trainPart ? split.train() : split.validation();
        for (double[] row : rows) {
          variedRows.add(row);
          variedNu.add(sample.nu());
          variedWeight.add(sample.yieldRatio() / rows.length);
        }
      }
    }

    int events() {
      return nominal.length + variedRows.size();
    }

    int nominalCount() {
      return nominal.length;
    }

    int variedCount() {
      return variedRows.size();
    }

    /**
     * The rows {@code nominalRows} and {@code variedRows} (all when null) as DJL arrays, weighted
     * so that their loss estimates the loss of the whole set.
     */
    Tensors toArrays(NDManager manager, int[] nominalRows, int[] variedRows) {
      int[] n0 = nominalRows != null ? nominalRows : identity(nominal.length);
      int[] n1 = variedRows != null ? variedRows : identity(this.variedRows.size());
      float[] nu = new float[nus.length];
      float[] nu2 = new float[nus.length];
      for (int i = 0; i < nus.length; i++) {
        nu[i] = (float) nus[i];
        nu2[i] = (float) (nus[i] * nus[i]);
      }
      double variedScale = (double) this.variedRows.size() / n1.length / nus.length;
      float[] rowNu = new float[n1.length];
      float[] rowNu2 = new float[n1.length];
      float[] rowWeight = new float[n1.length];
      double[][] nominalSelected = new double[n0.length][];
      double[][] variedSelected = new double[n1.length][];
      for (int i = 0; i < n0.length; i++) {
        nominalSelected[i] = nominal[n0[i]];
      }
      for (int i = 0; i < n1.length; i++) {
        int r = n1[i];
        variedSelected[i] = this.variedRows.get(r);
        rowNu[i] = variedNu.get(r).floatValue();
        rowNu2[i] = rowNu[i] * rowNu[i];
        rowWeight[i] = (float) (variedWeight.get(r) * variedScale);
      }
      return new Tensors(
          matrix(manager, nominalSelected),
          manager.create(nu, new Shape(1, nus.length)),
          manager.create(nu2, new Shape(1, nus.length)),
          1.0 / n0.length / nus.length,
          matrix(manager, variedSelected),
          manager.create(rowNu),
          manager.create(rowNu2),
          manager.create(rowWeight));
    }

    private static int[] identity(int n) {
      int[] p = new int[n];
      Arrays.setAll(p, i -> i);
      return p;
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

    /** The batch as DJL arrays; the loss is averaged over the ν values. */
    record Tensors(
        NDArray nominal,
        NDArray nu,
        NDArray nu2,
        double nominalWeight,
        NDArray varied,
        NDArray variedNu,
        NDArray variedNu2,
        NDArray variedWeight) {

      List<NDArray> all() {
        return List.of(nominal, nu, nu2, varied, variedNu, variedNu2, variedWeight);
      }

      NDArray loss(TrainableNetwork net, DeltaLoss loss) {
        NDArray d0 = net.forward(nominal);
        // (N0 × 1)·(1 × m) broadcasts to log r̂ of every nominal event at every ν_i.
        NDArray z0 = d0.get(":, 0:1").mul(nu).add(d0.get(":, 1:2").mul(nu2));
        NDArray d1 = net.forward(varied);
        NDArray z1 = d1.get(":, 0").mul(variedNu).add(d1.get(":, 1").mul(variedNu2));
        return loss.nominal(z0)
            .sum()
            .mul(nominalWeight)
            .add(loss.varied(z1).mul(variedWeight).sum());
      }

      NDArray nullLoss(DeltaLoss loss) {
        NDArray z0 = nominal.get(":, 0:1").mul(nu).mul(0);
        NDArray z1 = variedNu.mul(0);
        return loss.nominal(z0)
            .sum()
            .mul(nominalWeight)
            .add(loss.varied(z1).mul(variedWeight).sum());
      }
    }
  }
}
