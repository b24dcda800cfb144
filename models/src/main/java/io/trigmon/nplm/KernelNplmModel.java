package io.trigmon.nplm;

import io.trigmon.mlp.Standardisation;
import io.trigmon.nuisance.NuisanceTerms;
import io.trigmon.nuisance.ShapeNuisanceModel;
import io.trigmon.store.ModelDirectory;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The kernel NPLM reference model on disk: a model directory of kind {@value #KIND} holding the
 * reference sample ({@code reference.bin}, see {@link ReferenceSample}) and, in the manifest, the
 * hyper-parameters (σ, M, λ, seed), the standardisation and the reference's SHA-256. A monitor
 * loads it once and prepares the {@link KernelNplm} from it; the Nyström basis and the reference
 * block are recomputed at load (seconds), which keeps the files small and the model exactly
 * reproducible from them.
 *
 * @param reference the reference sample
 * @param hyper the hyper-parameters
 */
public record KernelNplmModel(ReferenceSample reference, KernelHyperParameters hyper) {

  /** Kind of the model directory. */
  public static final String KIND = "nplm-kernel";

  /** Name of the reference file inside the directory. */
  public static final String REFERENCE_FILE = "reference.bin";

  /** Saves the model into {@code dir}. */
  public ModelDirectory save(Path dir, String version) {
    Standardisation s = Standardisation.fit(reference.features());
    ModelDirectory.Writer writer = ModelDirectory.create(dir, KIND, version);
    reference.write(writer.file(REFERENCE_FILE));
    return writer
        .parameter("sigma", hyper.sigma())
        .parameter("centres", hyper.centres())
        .parameter("lambda", hyper.lambda())
        .parameter("seed", hyper.seed())
        .parameter("standardisation_mean", Arrays.stream(s.mean()).boxed().toList())
        .parameter("standardisation_std", Arrays.stream(s.scale()).boxed().toList())
        .reference("sha256", reference.sha256())
        .reference("events", reference.size())
        .seal();
  }

  /** Loads and verifies a saved model (SHA-256 of every file, and of the reference it names). */
  public static KernelNplmModel load(Path dir) {
    ModelDirectory model = ModelDirectory.open(dir, KIND);
    ReferenceSample reference = ReferenceSample.read(model.file(REFERENCE_FILE));
    model.requireReference(reference.sha256());
    KernelHyperParameters hyper =
        new KernelHyperParameters(
            model.number("sigma"),
            (int) model.number("centres"),
            model.number("lambda"),
            (long) model.number("seed"));
    return new KernelNplmModel(reference, hyper);
  }

  /** The prepared test without nuisances. */
  public KernelNplm prepare() {
    return KernelNplm.prepare(reference.features(), NuisanceTerms.none(), hyper);
  }

  /** The prepared test with a learned δ̂ model. */
  public KernelNplm prepare(ShapeNuisanceModel nuisances) {
    return KernelNplm.prepare(reference.features(), nuisances, hyper);
  }
}
