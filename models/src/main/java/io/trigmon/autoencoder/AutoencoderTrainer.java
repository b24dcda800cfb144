package io.trigmon.autoencoder;

import static io.trigmon.event.AutoencoderFeatures.DIMENSION;
import static io.trigmon.event.AutoencoderFeatures.SLOTS;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.trigmon.event.AutoencoderFeatures;
import io.trigmon.event.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Trains the autoencoder with DJL (PyTorch engine) on reference events, in one of the {@link
 * TrainingMode}s: Adam on mini-batches of the masked reconstruction error (plus λ·dCor²(score, ν)
 * when decorrelating), early stopping on a held-out validation set, the best epoch's parameters
 * kept. Training events of the shifting modes are each drawn once at ν ~ N(0, 1) per nuisance
 * (truncated at ±3σ) and shifted with the {@link EventShift}; the normaliser is fitted on the
 * training part.
 */
public final class AutoencoderTrainer {

  /** Most validation events used for the dCor² term of the validation loss (it is O(n²)). */
  static final int DISCO_VALIDATION_EVENTS = 2048;

  private final TrainingSettings settings;
  private final EventShift shift;

  public AutoencoderTrainer(TrainingSettings settings, EventShift shift) {
    this.settings = settings;
    this.shift = shift;
  }

  /** The result: the model and its training history. */
  public record Result(AutoencoderModel model, List<EpochProgress> history) {}

  public Result train(List<Event> events, TrainingMode mode, Consumer<EpochProgress> progress) {
    if (events.size() < 10) {
      throw new IllegalArgumentException("need at least 10 events to train, got " + events.size());
    }
    DjlThreads.singleThreadedUnlessConfigured();
    Random random = new Random(settings.seed());
    Engine.getEngine("PyTorch").setRandomSeed((int) settings.seed());
    int k = shift.count();
    List<Event> shuffled = new ArrayList<>(events);
    java.util.Collections.shuffle(shuffled, random);
    float[] nu = new float[shuffled.size() * k];
    if (mode.shiftsEvents()) {
      for (int e = 0; e < shuffled.size(); e++) {
        double[] draw = new double[k];
        for (int j = 0; j < k; j++) {
          draw[j] = Math.max(-3, Math.min(3, random.nextGaussian()));
          nu[e * k + j] = (float) draw[j];
        }
        shuffled.set(e, shift.shift(shuffled.get(e), draw));
      }
    }
    int validation = Math.max(1, (int) Math.round(shuffled.size() * settings.validationFraction()));
    int training = shuffled.size() - validation;
    Normaliser normaliser = fitNormaliser(shuffled.subList(0, training));
    Architecture architecture =
        Architecture.of(settings.hidden(), mode == TrainingMode.PARAMETRISED ? k : 0);
    List<String> names = shift.names();
    AutoencoderModel blank =
        new AutoencoderModel(mode, normaliser, zeroNetwork(architecture), names);
    EncodedEvents all = blank.encode(shuffled, nu);
    int[] order = new int[all.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    EncodedEvents train = all.select(order, 0, training);
    EncodedEvents valid = all.select(order, training, all.size());
    List<EpochProgress> history = new ArrayList<>();
    DenseNetwork network =
        fit(
            architecture,
            mode,
            train,
            valid,
            random,
            line -> {
              history.add(line);
              progress.accept(line);
            });
    return new Result(new AutoencoderModel(mode, normaliser, network, names), List.copyOf(history));
  }

  private DenseNetwork fit(
      Architecture architecture,
      TrainingMode mode,
      EncodedEvents train,
      EncodedEvents valid,
      Random random,
      Consumer<EpochProgress> progress) {
    double lambda = mode == TrainingMode.DECORRELATED ? settings.discoWeight() : 0;
    SequentialBlock block = DjlNetwork.block(architecture);
    try (Model model = Model.newInstance("trigmon-autoencoder-training", "PyTorch")) {
      model.setBlock(block);
      DefaultTrainingConfig config =
          new DefaultTrainingConfig(Loss.l2Loss()) // unused: the objective is computed below
              .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT)
              .optOptimizer(
                  Optimizer.adam()
                      .optLearningRateTracker(Tracker.fixed(settings.learningRate()))
                      .build());
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(settings.batchSize(), architecture.inputs()));
        DenseNetwork best = DjlNetwork.parameters(block);
        double bestLoss = Double.POSITIVE_INFINITY;
        int sinceBest = 0;
        int[] order = new int[train.size()];
        for (int i = 0; i < order.length; i++) {
          order[i] = i;
        }
        for (int epoch = 1;
            epoch <= settings.maxEpochs() && sinceBest < settings.patience();
            epoch++) {
          long start = System.nanoTime();
          shuffle(order, random);
          double trainLoss = epoch(trainer, train, order, lambda);
          DenseNetwork current = DjlNetwork.parameters(block);
          double validLoss = validationLoss(current, valid, lambda);
          boolean improved = validLoss < bestLoss * (1 - 1e-4);
          if (improved) {
            best = current;
            bestLoss = validLoss;
            sinceBest = 0;
          } else {
            sinceBest++;
          }
          EpochProgress line =
              new EpochProgress(
                  epoch, trainLoss, validLoss, improved, (System.nanoTime() - start) / 1e9);
          progress.accept(line);
        }
        return best;
      }
    }
  }

  private double epoch(Trainer trainer, EncodedEvents train, int[] order, double lambda) {
    int batch = settings.batchSize();
    double sum = 0;
    // The last incomplete batch is dropped: a tiny batch gives a noisy step and a meaningless
    // dCor².
    int batches = Math.max(1, train.size() / batch);
    for (int i = 0; i < batches; i++) {
      int from = i * batch;
      int to = Math.min(train.size(), from + batch);
      EncodedEvents b = train.select(order, from, to);
      try (NDManager manager = trainer.getManager().newSubManager()) {
        NDArray x = manager.create(b.x(), new Shape(b.size(), b.inputs()));
        NDArray features = b.inputs() == DIMENSION ? x : x.get(new NDIndex(":, :" + DIMENSION));
        NDArray mask = manager.create(featureMask(b), new Shape(b.size(), DIMENSION));
        try (GradientCollector collector = trainer.newGradientCollector()) {
          NDArray reconstruction = trainer.forward(new NDList(x)).singletonOrThrow();
          NDArray scores = DjlLoss.maskedError(reconstruction, features, mask);
          NDArray loss = scores.mean();
          if (lambda > 0) {
            NDArray nu = manager.create(b.nu(), new Shape(b.size(), b.nuisances()));
            loss = loss.add(DjlLoss.distanceCorrelationSquared(scores, nu).mul((float) lambda));
          }
          collector.backward(loss);
          sum += loss.getFloat();
        }
        trainer.step();
      }
    }
    return sum / batches;
  }

  private static double validationLoss(DenseNetwork network, EncodedEvents valid, double lambda) {
    float[] scores = new float[valid.size()];
    new FastAutoencoder(network).score(valid.x(), valid.mask(), valid.size(), scores);
    double mean = 0;
    for (float s : scores) {
      mean += s;
    }
    mean /= scores.length;
    if (lambda > 0) {
      int n = Math.min(scores.length, DISCO_VALIDATION_EVENTS);
      mean += lambda * DistanceCorrelation.squared(scores, valid.nu(), n, valid.nuisances());
    }
    return mean;
  }

  private static Normaliser fitNormaliser(List<Event> events) {
    int n = events.size();
    float[] raw = new float[n * DIMENSION];
    float[] mask = new float[n * SLOTS];
    for (int e = 0; e < n; e++) {
      AutoencoderFeatures.fill(events.get(e), raw, e * DIMENSION, mask, e * SLOTS);
    }
    return Normaliser.fit(raw, mask, n);
  }

  private static float[] featureMask(EncodedEvents b) {
    float[] out = new float[b.size() * DIMENSION];
    for (int e = 0; e < b.size(); e++) {
      ReconstructionError.featureMask(b.mask(), e * SLOTS, out, e * DIMENSION);
    }
    return out;
  }

  private static DenseNetwork zeroNetwork(Architecture architecture) {
    List<DenseLayer> layers = new ArrayList<>();
    for (int l = 0; l < architecture.depth(); l++) {
      int in = architecture.layers().get(l);
      int out = architecture.layers().get(l + 1);
      layers.add(new DenseLayer(in, out, new float[in * out], new float[out]));
    }
    return new DenseNetwork(layers);
  }

  private static void shuffle(int[] order, Random random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }
}
