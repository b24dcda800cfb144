package io.trigmon.nuisance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trigmon.mlp.Activation;
import io.trigmon.mlp.DenseNetwork;
import io.trigmon.mlp.Standardisation;
import io.trigmon.store.ModelDirectory;
import io.trigmon.store.ModelFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NuisanceModelTest {

  @TempDir Path dir;

  private static NuisanceModel model() {
    Standardisation standardisation =
        new Standardisation(new double[] {50, 40, 0, 0, 0}, new double[] {20, 15, 1.2, 1.2, 1.8});
    return new NuisanceModel(
        standardisation,
        List.of(
            new NuisanceDelta(
                "barrel",
                0.03,
                new double[] {-1, 1},
                DenseNetwork.initialised(new int[] {5, 8, 2}, Activation.TANH, 1)),
            new NuisanceDelta(
                "endcap",
                0.03,
                new double[] {-2, 2},
                DenseNetwork.initialised(new int[] {5, 8, 2}, Activation.TANH, 2))),
        "cafe");
  }

  private static final double[][] ROWS = {
    {60, 45, 0.3, -1.1, 2.9}, {120, 30, 1.9, 0.2, -0.4}, {25, 22, -2.3, 2.1, 3.1}
  };

  @Test
  void savedModelLoadsWithIdenticalCoefficients() {
    NuisanceModel original = model();
    ModelDirectory saved = original.save(dir, Map.of("loss", "CROSS_ENTROPY"));
    NuisanceModel loaded = NuisanceModel.load(dir);
    NuisanceTerms a = original.evaluate(ROWS);
    NuisanceTerms b = loaded.evaluate(ROWS);
    assertThat(b.names()).containsExactly("barrel", "endcap");
    assertThat(b.linear()).isDeepEqualTo(a.linear());
    assertThat(b.quadratic()).isDeepEqualTo(a.quadratic());
    assertThat(loaded.referenceSha256()).isEqualTo("cafe");
    assertThat(saved.manifest().kind()).isEqualTo(NuisanceModel.KIND);
    assertThat(saved.manifest().parameters()).containsKeys("sigma", "training_nu", "loss");
  }

  @Test
  void identityIsTheRecordedFileHashBeforeAndAfterLoading() {
    NuisanceModel original = model();
    ModelDirectory saved = original.save(dir, Map.of());
    String recorded = saved.manifest().files().get(NuisanceModel.FILE);
    assertThat(original.sha256()).isEqualTo(recorded);
    assertThat(NuisanceModel.load(dir).sha256()).isEqualTo(recorded);
  }

  @Test
  void logRatioIsTheQuadraticExpansionOfTheTerms() {
    NuisanceModel m = model();
    NuisanceTerms terms = m.evaluate(ROWS);
    double[] logRatio = m.logRatio(ROWS, "endcap", 1.5);
    for (int e = 0; e < ROWS.length; e++) {
      assertThat(logRatio[e]).isEqualTo(terms.logRatio(e, new double[] {0, 1.5}));
    }
  }

  @Test
  void tamperedModelIsRefused() throws Exception {
    model().save(dir, Map.of());
    Path file = dir.resolve(NuisanceModel.FILE);
    Files.writeString(file, Files.readString(file).replaceFirst("0\\.", "1."));
    assertThatThrownBy(() -> NuisanceModel.load(dir))
        .isInstanceOf(ModelFileException.class)
        .hasMessageContaining("SHA-256");
  }

  @Test
  void featuresOfAnotherWidthAreRejected() {
    assertThatThrownBy(() -> model().evaluate(new double[][] {{1, 2, 3}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected 5");
  }
}
