package io.trigmon.autoencoder;

import static io.trigmon.event.AutoencoderFeatures.DIMENSION;
import static io.trigmon.event.AutoencoderFeatures.SLOTS;

import io.trigmon.event.AutoencoderFeatures;
import io.trigmon.event.Event;
import io.trigmon.store.ModelDirectory;
import io.trigmon.store.ModelFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A trained autoencoder: its parameters, the normaliser fitted with them, the mode it was trained
 * in and, for a parametrised network, the nuisances it takes as inputs. Saved as a model directory
 * of kind {@value #KIND} (manifest parameters {@code layers}, {@code mode}, {@code normaliser},
 * {@code nuisances}; file {@value #WEIGHTS}), whose SHA-256 are verified when it is loaded.
 */
public record AutoencoderModel(
    TrainingMode mode, Normaliser normaliser, DenseNetwork network, List<String> nuisances) {

  /** Kind of the model directory. */
  public static final String KIND = "autoencoder";

  /** Name of the parameters file in the model directory. */
  public static final String WEIGHTS = "weights.bin";

  public AutoencoderModel {
    nuisances = List.copyOf(nuisances);
    int extra = network.architecture().extraInputs();
    int expected = mode == TrainingMode.PARAMETRISED ? nuisances.size() : 0;
    if (extra != expected) {
      throw new IllegalArgumentException(
          "a " + mode.id() + " network has " + expected + " extra inputs, this one " + extra);
    }
  }

  public Architecture architecture() {
    return network.architecture();
  }

  /** A plain-Java scorer for this model (one per thread). */
  public FastAutoencoder fast() {
    return new FastAutoencoder(network);
  }

  /**
   * A per-event scorer (one per thread) at the assumed ν ({@code nu}, σ units; null means 0; only a
   * parametrised model uses it).
   */
  public EventScorer scorer(double[] nu) {
    if (nu != null && nu.length != nuisances.size()) {
      throw new IllegalArgumentException(
          "expected " + nuisances.size() + " nuisance values " + nuisances + ", got " + nu.length);
    }
    return new EventScorer(this, nu);
  }

  /**
   * The network inputs of {@code events}: standardised features, and for a parametrised network the
   * assumed ν ({@code nu}, σ units; null means 0) appended.
   */
  public EncodedEvents encode(List<Event> events, double[] nu) {
    int k = nuisances.size();
    float[] nuRows = new float[events.size() * k];
    for (int e = 0; e < events.size() && nu != null; e++) {
      for (int j = 0; j < k; j++) {
        nuRows[e * k + j] = (float) nu[j];
      }
    }
    return encode(events, nuRows);
  }

  /** As {@link #encode(List, double[])} with ν per event (rows of {@code nuisances().size()}). */
  public EncodedEvents encode(List<Event> events, float[] nuRows) {
    int n = events.size();
    int inputs = architecture().inputs();
    int k = nuisances.size();
    float[] x = new float[n * inputs];
    float[] mask = new float[n * SLOTS];
    for (int e = 0; e < n; e++) {
      AutoencoderFeatures.fill(events.get(e), x, e * inputs, mask, e * SLOTS);
      normaliser.apply(x, e * inputs, mask, e * SLOTS);
      for (int j = DIMENSION; j < inputs; j++) {
        x[e * inputs + j] = nuRows[e * k + j - DIMENSION];
      }
    }
    return new EncodedEvents(n, inputs, k, x, mask, nuRows);
  }

  /** Scores events with the plain-Java forward pass (at ν = 0 for a parametrised network). */
  public float[] score(List<Event> events) {
    EncodedEvents encoded = encode(events, (double[]) null);
    float[] scores = new float[encoded.size()];
    fast().score(encoded.x(), encoded.mask(), encoded.size(), scores);
    return scores;
  }

  /** Writes the model directory {@code dir} (created if missing) and seals its manifest. */
  public ModelDirectory save(Path dir, String version) {
    return ModelDirectory.create(dir, KIND, version)
        .parameter("layers", architecture().layers())
        .parameter("mode", mode.id())
        .parameter("normaliser", normaliser.toParameters())
        .parameter("nuisances", nuisances)
        .write(WEIGHTS, network.toBytes())
        .seal();
  }

  /** Loads and verifies a model directory written by {@link #save}. */
  public static AutoencoderModel load(Path dir) {
    ModelDirectory model = ModelDirectory.open(dir, KIND);
    Map<String, Object> parameters = model.manifest().parameters();
    try {
      DenseNetwork network = DenseNetwork.fromBytes(Files.readAllBytes(model.file(WEIGHTS)));
      List<Integer> layers = new ArrayList<>();
      for (Object size : (List<?>) parameters.get("layers")) {
        layers.add(((Number) size).intValue());
      }
      if (!network.architecture().layers().equals(layers)) {
        throw new ModelFileException(
            dir + ": weights are " + network.architecture() + " but the manifest says " + layers);
      }
      List<String> nuisances = new ArrayList<>();
      for (Object name : (List<?>) parameters.get("nuisances")) {
        nuisances.add(name.toString());
      }
      return new AutoencoderModel(
          TrainingMode.of(String.valueOf(parameters.get("mode"))),
          Normaliser.fromParameters(parameters.get("normaliser")),
          network,
          nuisances);
    } catch (IOException e) {
      throw new ModelFileException("cannot read " + dir.resolve(WEIGHTS), e);
    } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
      throw new ModelFileException(dir + " is not a valid autoencoder model: " + e.getMessage(), e);
    }
  }
}
