package io.trigmon.cli;

import io.trigmon.autoencoder.Architecture;
import io.trigmon.autoencoder.AutoencoderModel;
import io.trigmon.autoencoder.DenseLayer;
import io.trigmon.autoencoder.DenseNetwork;
import io.trigmon.autoencoder.Normaliser;
import io.trigmon.autoencoder.TrainingMode;
import io.trigmon.calibration.CalibratedNplm;
import io.trigmon.calibration.Calibration;
import io.trigmon.calibration.CalibrationDirectory;
import io.trigmon.calibration.NullToys;
import io.trigmon.flink.MonitorModels;
import io.trigmon.nplm.KernelNplm;
import io.trigmon.nplm.KernelNplmModel;
import io.trigmon.nplm.NplmOptions;
import io.trigmon.nplm.ReferenceSample;
import io.trigmon.nuisance.NuisanceModel;
import io.trigmon.nuisance.NuisanceTerms;
import io.trigmon.simulation.Process;
import io.trigmon.simulation.Simulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The model directory of a pipeline benchmark, built from fixed seeds: a Drell–Yan kernel NPLM
 * reference of N_R events (published protocol: M = ⌈√N_R⌉), its null calibration for windows of N_D
 * events with a constrained normalisation nuisance and the shipped δ̂ model of the lepton momentum
 * scale ({@code models/default/nuisance}, when found) as a shape nuisance (the mode the benchmark
 * runs the monitor in), and an autoencoder of the standard 57-32-16-8-16-32-57 size with fixed
 * random weights. The autoencoder is untrained on purpose: scoring costs the same whatever the
 * weights, and training one would cost minutes the benchmark does not need to spend.
 */
final class BenchModels {

  private BenchModels() {}

  /**
   * Writes the models under {@code dir}.
   *
   * @param referenceEvents N_R
   * @param windowDileptons N_D, the expected dilepton count of a window
   * @param toys null toys of the calibration; 0 for none (windows then carry no p or Z)
   * @return the prepared NPLM test, for the direct per-window timing
   */
  static KernelNplm write(Path dir, int referenceEvents, int windowDileptons, int toys) {
    double[][] reference = dileptons(7, referenceEvents);
    KernelNplmModel model =
        new KernelNplmModel(ReferenceSample.of(reference), KernelNplm.protocol(reference, 0, 11));
    model.save(dir.resolve(MonitorModels.NPLM), "bench-reference");
    NuisanceModel delta = shippedDelta().orElse(null);
    KernelNplm nplm = delta == null ? model.prepare() : model.prepare(delta);
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("method", "kernel");
    settings.put("mode", "normalised");
    settings.put("window_events", windowDileptons);
    settings.put("nuisances", nplm.nuisanceNames());
    if (delta != null) {
      delta.save(dir.resolve(MonitorModels.NUISANCE), Map.of());
      settings.put(CalibrationDirectory.NUISANCE_SHA256, delta.sha256());
    }
    if (toys > 0) {
      double[][] pool = dileptons(13, 4 * referenceEvents);
      NuisanceTerms poolTerms = delta == null ? NuisanceTerms.none() : delta.evaluate(pool);
      List<Double> nuStars = delta == null ? List.of(0.0) : CalibratedNplm.NU_STARS;
      Calibration calibration =
          new NullToys(nplm, pool, poolTerms, options(windowDileptons), windowDileptons)
              .calibrate(toys, nuStars, 17);
      CalibrationDirectory.save(
          calibration,
          dir.resolve(MonitorModels.CALIBRATION),
          model.reference().sha256(),
          settings);
    }
    autoencoder().save(dir.resolve(MonitorModels.AUTOENCODER), "bench-random-weights");
    return nplm;
  }

  /**
   * The δ̂ model shipped in {@code models/default/nuisance} (of the checkout, or of the parent
   * directory when run from a module), if there is one.
   */
  static Optional<NuisanceModel> shippedDelta() {
    for (Path models : List.of(DemoCommand.defaultModels(), Path.of("..", "models", "default"))) {
      Path dir = models.resolve(MonitorModels.NUISANCE);
      if (Files.isDirectory(dir)) {
        return Optional.of(NuisanceModel.load(dir));
      }
    }
    return Optional.empty();
  }

  /** The test options of a window expecting {@code n} dilepton events: σ_N constrained. */
  static NplmOptions options(double n) {
    return NplmOptions.expected(n).withNormSigma(NplmOptions.DEFAULT_NORM_SIGMA);
  }

  /** Reference-hypothesis (Drell–Yan) dilepton features from a seed. */
  static double[][] dileptons(long seed, int n) {
    return Simulator.builder().process(Process.DY).seed(seed).build().dileptonFeatures(n);
  }

  /** The standard architecture with fixed random (He-scaled) weights. */
  static AutoencoderModel autoencoder() {
    List<Integer> sizes = Architecture.standard(0).layers();
    SplittableRandom random = new SplittableRandom(3);
    List<DenseLayer> layers = new ArrayList<>();
    for (int l = 0; l + 1 < sizes.size(); l++) {
      int in = sizes.get(l);
      int out = sizes.get(l + 1);
      float[] w = new float[in * out];
      double scale = Math.sqrt(2.0 / in);
      for (int i = 0; i < w.length; i++) {
        w[i] = (float) (random.nextGaussian() * scale);
      }
      layers.add(new DenseLayer(in, out, w, new float[out]));
    }
    return new AutoencoderModel(
        TrainingMode.NOMINAL, Normaliser.identity(), new DenseNetwork(layers), List.of());
  }
}
