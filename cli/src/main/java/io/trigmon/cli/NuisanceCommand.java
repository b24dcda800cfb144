package io.trigmon.cli;

import io.trigmon.mlp.Activation;
import io.trigmon.nuisance.Closure;
import io.trigmon.nuisance.ClosureCheck;
import io.trigmon.nuisance.DeltaLoss;
import io.trigmon.nuisance.DeltaTrainer;
import io.trigmon.nuisance.DeltaTraining;
import io.trigmon.nuisance.DeltaTrainingConfig;
import io.trigmon.nuisance.ExpansionOrder;
import io.trigmon.nuisance.ExpansionOrderCheck;
import io.trigmon.nuisance.NuisanceModel;
import io.trigmon.nuisance.Projection;
import io.trigmon.nuisance.VariedSample;
import io.trigmon.store.Sha256;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trigmon nuisance}: learned δ̂ nuisance models (DESIGN §4). */
@Command(
    name = "nuisance",
    mixinStandardHelpOptions = true,
    description = "Learned nuisance (δ̂) models: how shape nuisances deform the reference.",
    subcommands = {NuisanceCommand.Train.class},
    footer = {
      "",
      "Examples:",
      "  ./trigmon nuisance train --nominal r0.csv --varied scale=-1:r_m1.csv --varied"
          + " scale=1:r_p1.csv --sigma scale=0.03 --out models/delta"
    })
public final class NuisanceCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code trigmon nuisance train}. */
  @Command(
      name = "train",
      mixinStandardHelpOptions = true,
      description = {
        "Learn δ̂_k1(x), δ̂_k2(x) of each shape nuisance k from a nominal sample and samples at"
            + " shifted nuisance values, so that log r̂(x;ν) = Σ_k δ̂_k1 ν_k + δ̂_k2 ν_k²"
            + " (ν in σ units). Trains with DJL (PyTorch), stops early on a validation split, then"
            + " checks the model on a held-out part of every sample: the binned expansion-order"
            + " check and the closure test (nominal reweighted by r̂ vs the varied sample: binned"
            + " χ² and classifier AUC). Writes a model directory with a manifest."
      },
      footer = {
        "",
        "Examples:",
        "  ./trigmon nuisance train --nominal r0.csv \\",
        "      --varied barrel=-2:b_m2.csv@0.97 --varied barrel=-1:b_m1.csv@0.985 \\",
        "      --varied barrel=1:b_p1.csv@1.015 --varied barrel=2:b_p2.csv@1.03 \\",
        "      --varied endcap=-1:e_m1.csv --varied endcap=1:e_p1.csv \\",
        "      --sigma barrel=0.03 --sigma endcap=0.03 --out models/delta",
        "  ./trigmon nuisance train --nominal r0.csv --varied s=1:p1.csv --varied s=-1:m1.csv"
            + " --sigma s=0.03 --epochs 500 --hidden 8,8 --out /tmp/delta"
      })
  static final class Train implements Callable<Integer> {

    private static final String NUM_THREADS = "ai.djl.pytorch.num_threads";

    @Option(
        names = "--nominal",
        required = true,
        paramLabel = "FILE",
        description = "Sample of the nominal reference R0 (5 features, .csv).")
    Path nominal;

    @Option(
        names = "--varied",
        required = true,
        paramLabel = VariedSpec.FORMAT,
        converter = VariedSpec.Converter.class,
        description =
            "A sample with nuisance NAME shifted by NU σ; YIELD is its expected event count"
                + " relative to the nominal sample (default 1). Repeat for every shift; use"
                + " several shifts per nuisance (e.g. ±0.5, ±1, ±1.5, ±2).")
    List<VariedSpec> varied;

    @Option(
        names = "--sigma",
        paramLabel = "NAME=S",
        description = "Physical size of 1σ of nuisance NAME (e.g. 0.03 for 3 %), for reports.")
    Map<String, Double> sigma = new LinkedHashMap<>();

    @Option(
        names = "--out",
        required = true,
        paramLabel = "DIR",
        description = "Model directory to write.")
    Path out;

    @Option(
        names = "--epochs",
        paramLabel = "N",
        defaultValue = "300",
        description =
            "Maximum epochs (passes over the training set) per nuisance; training stops earlier"
                + " when the validation loss stops improving (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(
        names = "--batch-size",
        paramLabel = "N",
        defaultValue = "4096",
        description =
            "Varied events per Adam step, 0 for full batch (full batch needs --epochs in the"
                + " thousands; default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(
        names = "--patience",
        paramLabel = "N",
        defaultValue = "25",
        description =
            "Stop after N validation checks without improvement (a check per epoch with"
                + " mini-batches, every 10 epochs in full batch; default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(
        names = "--learning-rate",
        paramLabel = "LR",
        defaultValue = "0.01",
        description = "Adam step size (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(
        names = "--hidden",
        paramLabel = "W,W,...",
        split = ",",
        defaultValue = "32,32,32",
        description =
            "Hidden layer widths (default: ${DEFAULT-VALUE}; on the simulated Drell-Yan sample 16,16"
                + " misses the structure at the M12 cut that 32,32,32 learns).")
    int[] hidden;

    @Option(
        names = "--loss",
        paramLabel = "LOSS",
        defaultValue = "cross-entropy",
        description = "cross-entropy or quadratic (default: ${DEFAULT-VALUE}).")
    String loss;

    @Option(
        names = "--holdout",
        paramLabel = "FRACTION",
        defaultValue = "0.25",
        description =
            "Fraction of every sample kept out of training for the checks (default:"
                + " ${DEFAULT-VALUE}).")
    double holdout;

    @Option(
        names = "--check-projection",
        paramLabel = "NAME",
        defaultValue = "pt1",
        description =
            "Projection of the binned checks: pt1, pt2, eta1, eta2, dphi or m12 (default:"
                + " ${DEFAULT-VALUE}).")
    String projection;

    @Option(
        names = "--bins",
        paramLabel = "N",
        defaultValue = "10",
        description = "Bins of the binned checks (default: ${DEFAULT-VALUE}).")
    int bins;

    @Option(
        names = "--seed",
        paramLabel = "SEED",
        defaultValue = "1",
        description = "Seed of initialisation and splits (default: ${DEFAULT-VALUE}).")
    long seed;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      // Small networks gain nothing from PyTorch's intra-op threads, and on a busy machine its
      // spinning OpenMP workers slow training down several-fold: one thread unless told otherwise.
      if (System.getProperty(NUM_THREADS) == null) {
        System.setProperty(NUM_THREADS, "1");
      }
      DeltaTrainingConfig config = config();
      Projection checkProjection = projection(projection);
      if (!(holdout > 0 && holdout < 0.9)) {
        throw new UserException("--holdout must be in (0, 0.9), got " + holdout);
      }
      Set<String> names = new LinkedHashSet<>();
      varied.forEach(v -> names.add(v.name()));
      for (String name : sigma.keySet()) {
        if (!names.contains(name)) {
          throw new UserException(
              "--sigma names '"
                  + name
                  + "', which no --varied sample has (they have "
                  + names
                  + ")");
        }
      }
      long start = System.nanoTime();
      double[][] nominalRows = FeatureFile.read(nominal);
      Halves nominalHalves = Halves.of(nominalRows, holdout, seed);
      List<VariedSample> training = new ArrayList<>();
      List<VariedSample> checking = new ArrayList<>();
      int index = 0;
      for (VariedSpec spec : varied) {
        Halves halves = Halves.of(FeatureFile.read(spec.file()), holdout, seed + ++index);
        training.add(new VariedSample(spec.name(), spec.nu(), halves.train(), spec.yieldRatio()));
        checking.add(new VariedSample(spec.name(), spec.nu(), halves.check(), spec.yieldRatio()));
      }
      out.printf(
          "read %d nominal and %d varied events (%d nuisances) in %.1f s; %.0f %% kept for checks%n",
          nominalRows.length,
          training.stream().mapToInt(v -> v.features().length).sum()
              + checking.stream().mapToInt(v -> v.features().length).sum(),
          names.size(),
          (System.nanoTime() - start) / 1e9,
          100 * holdout);
      for (String name : names) {
        if (!sigma.containsKey(name)) {
          out.println(
              "warning: no --sigma for '" + name + "': its physical 1σ is recorded as unknown");
        }
      }
      DeltaTrainer trainer = new DeltaTrainer(config, line -> out.println(line));
      NuisanceModel model =
          trainer.train(nominalHalves.train(), training, sigma, Sha256.of(nominal));

      List<Map<String, Object>> closures = new ArrayList<>();
      ClosureCheck closureCheck = new ClosureCheck(checkProjection, bins, seed);
      for (VariedSample sample : checking) {
        Closure c = closureCheck.run(nominalHalves.check(), sample, model);
        out.println("closure " + c.summary());
        closures.add(closureMap(c));
      }
      List<Map<String, Object>> orders = new ArrayList<>();
      ExpansionOrderCheck orderCheck = new ExpansionOrderCheck(checkProjection, bins);
      for (String name : names) {
        List<VariedSample> ofName =
            checking.stream().filter(v -> v.nuisance().equals(name)).toList();
        ExpansionOrder order = orderCheck.run(nominalHalves.check(), ofName, model);
        out.println("expansion " + order.summary());
        orders.add(orderMap(order));
      }

      Map<String, Object> extra = new LinkedHashMap<>();
      extra.put("loss", config.loss().name());
      extra.put("epochs_max", config.maxEpochs());
      extra.put("learning_rate", config.learningRate());
      extra.put("seed", seed);
      extra.put("training", trainer.history().stream().map(Train::historyMap).toList());
      extra.put("closure", closures);
      extra.put("expansion_order", orders);
      extra.put("holdout", holdout);
      model.save(this.out, extra);
      out.printf(
          "wrote δ̂ model for %s to %s in %.1f s%n",
          model.names(), this.out, (System.nanoTime() - start) / 1e9);
      return 0;
    }

    private DeltaTrainingConfig config() {
      DeltaLoss deltaLoss =
          switch (loss.toLowerCase(Locale.ROOT)) {
            case "cross-entropy" -> DeltaLoss.CROSS_ENTROPY;
            case "quadratic" -> DeltaLoss.QUADRATIC;
            default ->
                throw new UserException(
                    "--loss must be cross-entropy or quadratic, got '" + loss + "'");
          };
      try {
        DeltaTrainingConfig d = DeltaTrainingConfig.defaults();
        DeltaTrainingConfig fullBatch =
            new DeltaTrainingConfig(
                hidden,
                Activation.TANH,
                deltaLoss,
                epochs,
                learningRate,
                d.validationFraction(),
                d.checkEvery(),
                patience,
                seed,
                0);
        return batchSize == 0 ? fullBatch : fullBatch.withMiniBatches(batchSize, epochs, patience);
      } catch (IllegalArgumentException e) {
        throw new UserException(e.getMessage());
      }
    }

    private static Projection projection(String name) {
      return switch (name.toLowerCase(Locale.ROOT)) {
        case "pt1" -> Projection.column("pt1", 0);
        case "pt2" -> Projection.column("pt2", 1);
        case "eta1" -> Projection.column("eta1", 2);
        case "eta2" -> Projection.column("eta2", 3);
        case "dphi" -> Projection.column("dphi", 4);
        case "m12" -> Projection.m12();
        default ->
            throw new UserException(
                "--check-projection must be one of pt1, pt2, eta1, eta2, dphi, m12; got '"
                    + name
                    + "'");
      };
    }

    private static Map<String, Object> historyMap(DeltaTraining t) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("nuisance", t.nuisance());
      m.put("epochs", t.epochs());
      m.put("best_epoch", t.bestEpoch());
      m.put("validation_loss", t.validationLoss());
      m.put("null_validation_loss", t.nullValidationLoss());
      m.put("training_events", t.trainingEvents());
      m.put("seconds", t.seconds());
      return m;
    }

    private static Map<String, Object> closureMap(Closure c) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("nuisance", c.nuisance());
      m.put("nu", c.nu());
      m.put("projection", c.projection());
      m.put("chi2", c.chi2());
      m.put("ndof", c.ndof());
      m.put("p", c.pValue());
      m.put("chi2_without_ratio", c.chi2Unweighted());
      m.put("auc", c.auc());
      m.put("auc_error", c.aucError());
      m.put("auc_without_ratio", c.aucUnweighted());
      return m;
    }

    private static Map<String, Object> orderMap(ExpansionOrder o) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("nuisance", o.nuisance());
      m.put("projection", o.projection());
      m.put("nu", o.nu());
      m.put("chi2_linear", o.chi2Linear());
      m.put("ndof_linear", o.ndofLinear());
      m.put("chi2_quadratic", o.chi2Quadratic());
      m.put("ndof_quadratic", o.ndofQuadratic());
      m.put("chi2_learned", o.chi2Learned());
      m.put("ndof_learned", o.ndofLearned());
      return m;
    }
  }

  /** A seeded split of rows into a training part and a held-out part for the checks. */
  record Halves(double[][] train, double[][] check) {
    static Halves of(double[][] rows, double holdout, long seed) {
      int[] order = new int[rows.length];
      Arrays.setAll(order, i -> i);
      SplittableRandom random = new SplittableRandom(seed);
      for (int i = rows.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      int nCheck = (int) Math.round(rows.length * holdout);
      double[][] check = new double[nCheck][];
      double[][] train = new double[rows.length - nCheck][];
      for (int i = 0; i < rows.length; i++) {
        if (i < nCheck) {
          check[i] = rows[order[i]];
        } else {
          train[i - nCheck] = rows[order[i]];
        }
      }
      return new Halves(train, check);
    }
  }
}
