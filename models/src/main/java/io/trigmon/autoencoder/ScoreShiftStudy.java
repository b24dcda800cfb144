package io.trigmon.autoencoder;

import io.trigmon.event.Event;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The robustness and quality figures of one trained autoencoder (DESIGN §5): for each nuisance at
 * ±1σ, how far the SM score distribution moves ({@link ShiftEffect}); for each signal, AUC and TPR
 * at FPR = 10⁻⁵, 10⁻³ ({@link SignalEfficiency}); and dCor²(score, ν) on SM events at random ν. A
 * parametrised model is scored at the ν the events were shifted by (the calibrated value a monitor
 * would feed it); the others do not see ν.
 */
public final class ScoreShiftStudy {

  /** Events used for dCor² (O(n²)). */
  static final int DCOR_EVENTS = 2000;

  private final AutoencoderModel model;
  private final EventShift shift;

  public ScoreShiftStudy(AutoencoderModel model, EventShift shift) {
    this.model = model;
    this.shift = shift;
  }

  /** Everything the report shows for one model. */
  public record Result(
      AutoencoderModel model,
      float[] nominalScores,
      Map<String, float[]> shiftedScores,
      List<ShiftEffect> shifts,
      List<SignalEfficiency> signals,
      Map<String, float[]> signalScores,
      double dcorSquared,
      double dcorSquaredShuffled) {}

  /** Label of the SM scores with nuisance {@code name} shifted by {@code sigmas}. */
  public static String label(String name, double sigmas) {
    return name + (sigmas > 0 ? " +" : " ") + (int) sigmas + "σ";
  }

  /**
   * Runs the study on SM events {@code sm} (at ν = 0), shifting them with the study's {@link
   * EventShift}.
   */
  public Result run(List<Event> sm, Map<String, List<Event>> signals, long seed) {
    return run(sm, nu -> sm.stream().map(e -> shift.shift(e, nu)).toList(), signals, seed);
  }

  /**
   * Runs the study with shifted SM samples from {@code smAt} (ν in σ units; the same collisions as
   * {@code sm}, e.g. a simulator run with the same seed at other nuisance values).
   */
  public Result run(
      List<Event> sm,
      Function<double[], List<Event>> smAt,
      Map<String, List<Event>> signals,
      long seed) {
    float[] nominal = score(sm, new double[shift.count()]);
    Map<String, float[]> shifted = new java.util.LinkedHashMap<>();
    List<ShiftEffect> effects = new ArrayList<>();
    float cut = Roc.threshold(nominal, 0.01);
    float tightCut = Roc.threshold(nominal, 0.001);
    double nominalMean = mean(nominal);
    for (int k = 0; k < shift.count(); k++) {
      for (double sigmas : new double[] {-1, 1}) {
        double[] nu = new double[shift.count()];
        nu[k] = sigmas;
        float[] scores = score(smAt.apply(nu), nu);
        String name = shift.names().get(k);
        shifted.put(label(name, sigmas), scores);
        effects.add(
            new ShiftEffect(
                name,
                sigmas,
                ksDistance(nominal, scores),
                mean(scores) / nominalMean - 1,
                Roc.efficiency(scores, cut),
                Roc.efficiency(scores, tightCut)));
      }
    }
    List<SignalEfficiency> quality = new ArrayList<>();
    Map<String, float[]> signalScores = new java.util.LinkedHashMap<>();
    signals.forEach(
        (name, events) -> {
          float[] scores = score(events, new double[shift.count()]);
          signalScores.put(name, scores);
          quality.add(SignalEfficiency.of(name, nominal, scores));
        });
    double[] dcor = dcorAtRandomNu(sm, seed);
    return new Result(model, nominal, shifted, effects, quality, signalScores, dcor[0], dcor[1]);
  }

  /**
   * dCor²(score, ν) for SM events each shifted by its own ν ~ N(0, 1), and the same with the ν rows
   * shuffled among the events — independent by construction, so it shows the estimator's floor at
   * this sample size (the V-statistic is biased upwards by O(1/n)).
   */
  private double[] dcorAtRandomNu(List<Event> sm, long seed) {
    java.util.Random random = new java.util.Random(seed);
    int n = Math.min(DCOR_EVENTS, sm.size());
    int k = shift.count();
    float[] nuRows = new float[n * k];
    List<Event> shifted = new ArrayList<>(n);
    for (int e = 0; e < n; e++) {
      double[] nu = new double[k];
      for (int j = 0; j < k; j++) {
        nu[j] = random.nextGaussian();
        nuRows[e * k + j] = (float) nu[j];
      }
      shifted.add(shift.shift(sm.get(e), nu));
    }
    float[] scores = scoreEncoded(model.encode(shifted, nuRows));
    float[] shuffled = nuRows.clone();
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      for (int c = 0; c < k; c++) {
        float t = shuffled[i * k + c];
        shuffled[i * k + c] = shuffled[j * k + c];
        shuffled[j * k + c] = t;
      }
    }
    return new double[] {
      DistanceCorrelation.squared(scores, nuRows, n, k),
      DistanceCorrelation.squared(scores, shuffled, n, k)
    };
  }

  private float[] score(List<Event> events, double[] nu) {
    return scoreEncoded(model.encode(events, nu));
  }

  private float[] scoreEncoded(EncodedEvents encoded) {
    float[] scores = new float[encoded.size()];
    model.fast().score(encoded.x(), encoded.mask(), encoded.size(), scores);
    return scores;
  }

  /** Two-sample Kolmogorov–Smirnov distance. */
  static double ksDistance(float[] a, float[] b) {
    float[] x = a.clone();
    float[] y = b.clone();
    Arrays.sort(x);
    Arrays.sort(y);
    int i = 0;
    int j = 0;
    double d = 0;
    while (i < x.length && j < y.length) {
      float v = Math.min(x[i], y[j]);
      while (i < x.length && x[i] <= v) {
        i++;
      }
      while (j < y.length && y[j] <= v) {
        j++;
      }
      d = Math.max(d, Math.abs((double) i / x.length - (double) j / y.length));
    }
    return d;
  }

  private static double mean(float[] values) {
    double sum = 0;
    for (float v : values) {
      sum += v;
    }
    return sum / values.length;
  }
}
