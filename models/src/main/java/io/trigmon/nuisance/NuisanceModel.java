package io.trigmon.nuisance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.trigmon.mlp.Standardisation;
import io.trigmon.store.ModelDirectory;
import io.trigmon.store.ModelFileException;
import io.trigmon.store.Sha256;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A learned δ̂ model (DESIGN §4): for each shape nuisance k a small network giving δ̂_k1(x),
 * δ̂_k2(x) on standardised features, so that log r̂(x;ν) = Σ_k δ̂_k1(x) ν_k + δ̂_k2(x) ν_k². The
 * normalisation nuisance is not part of it (it is analytic). Inference is a plain-Java forward pass
 * over whole arrays: no DJL at evaluation time.
 *
 * <p>Saved as a model directory of kind {@value #KIND} with {@value #FILE} (standardisation and
 * networks) and a manifest recording names, σ, training shifts, training history and checks.
 */
public final class NuisanceModel implements ShapeNuisanceModel {

  /** Model-directory kind. */
  public static final String KIND = "nuisance";

  /** File holding the standardisation and the networks. */
  public static final String FILE = "deltas.json";

  static final String VERSION = "delta-mlp-1";

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final Standardisation standardisation;
  private final List<NuisanceDelta> deltas;
  private final String referenceSha256;

  public NuisanceModel(
      Standardisation standardisation, List<NuisanceDelta> deltas, String referenceSha256) {
    this.standardisation = standardisation;
    this.deltas = List.copyOf(deltas);
    this.referenceSha256 = referenceSha256;
    for (NuisanceDelta delta : deltas) {
      if (delta.network().inputs() != standardisation.dimension()) {
        throw new IllegalArgumentException(
            "δ̂ network of "
                + delta.name()
                + " does not read "
                + standardisation.dimension()
                + " features");
      }
    }
  }

  @Override
  public List<String> names() {
    return deltas.stream().map(NuisanceDelta::name).toList();
  }

  public List<NuisanceDelta> deltas() {
    return deltas;
  }

  public Standardisation standardisation() {
    return standardisation;
  }

  /** SHA-256 of the nominal sample the model was trained on (null if unknown). */
  public String referenceSha256() {
    return referenceSha256;
  }

  /**
   * SHA-256 of this model's {@value #FILE} as {@link #save} writes it (and as its manifest records
   * it): the identity a calibration made with this model records, so that a monitor can refuse a
   * calibration made with another δ̂ model.
   */
  public String sha256() {
    return Sha256.of(serialised());
  }

  private byte[] serialised() {
    try {
      return JSON.writerWithDefaultPrettyPrinter()
          .writeValueAsBytes(new Stored(standardisation, deltas));
    } catch (IOException e) {
      throw new ModelFileException("cannot serialise the δ̂ model", e);
    }
  }

  @Override
  public NuisanceTerms evaluate(double[][] features) {
    double[][] z = standardisation.apply(features);
    int k = deltas.size();
    double[][] linear = new double[k][];
    double[][] quadratic = new double[k][];
    for (int n = 0; n < k; n++) {
      double[][] out = deltas.get(n).network().forward(z);
      linear[n] = new double[z.length];
      quadratic[n] = new double[z.length];
      for (int e = 0; e < z.length; e++) {
        linear[n][e] = out[e][0];
        quadratic[n][e] = out[e][1];
      }
    }
    return new NuisanceTerms(names(), linear, quadratic);
  }

  /** log r̂(x_e;ν) of each row with only nuisance {@code name} shifted to {@code nu} (σ units). */
  public double[] logRatio(double[][] features, String name, double nu) {
    int k = names().indexOf(name);
    if (k < 0) {
      throw new IllegalArgumentException("no nuisance '" + name + "' in " + names());
    }
    NuisanceTerms terms = evaluate(features);
    double[] out = new double[features.length];
    for (int e = 0; e < out.length; e++) {
      out[e] = nu * (terms.linear()[k][e] + nu * terms.quadratic()[k][e]);
    }
    return out;
  }

  /**
   * Saves the model into {@code dir} as a sealed model directory.
   *
   * @param extra additional manifest parameters (training history, checks)
   */
  public ModelDirectory save(Path dir, Map<String, Object> extra) {
    ModelDirectory.Writer writer = ModelDirectory.create(dir, KIND, VERSION);
    writer.write(FILE, serialised());
    Map<String, Object> sigmas = new LinkedHashMap<>();
    Map<String, Object> nus = new LinkedHashMap<>();
    for (NuisanceDelta d : deltas) {
      sigmas.put(d.name(), d.sigma());
      nus.put(d.name(), d.trainingNu());
    }
    writer.parameter("nuisances", names());
    writer.parameter("sigma", sigmas);
    writer.parameter("training_nu", nus);
    writer.parameter("features", standardisation.dimension());
    if (!deltas.isEmpty()) {
      writer.parameter("architecture", deltas.get(0).network().sizes());
      writer.parameter("activation", deltas.get(0).network().activation().name());
    }
    extra.forEach(writer::parameter);
    if (referenceSha256 != null) {
      writer.reference("sha256", referenceSha256);
    }
    return writer.seal();
  }

  /** Loads a model saved with {@link #save}; the directory is verified first. */
  public static NuisanceModel load(Path dir) {
    ModelDirectory model = ModelDirectory.open(dir, KIND);
    Stored stored;
    try {
      stored = JSON.readValue(model.file(FILE).toFile(), Stored.class);
    } catch (IOException e) {
      throw new ModelFileException("cannot read " + model.file(FILE) + ": " + e.getMessage(), e);
    }
    return new NuisanceModel(
        stored.standardisation(),
        new ArrayList<>(stored.nuisances()),
        model.manifest().referenceSha256());
  }

  /** The JSON layout of {@value #FILE}. */
  record Stored(Standardisation standardisation, List<NuisanceDelta> nuisances) {}
}
