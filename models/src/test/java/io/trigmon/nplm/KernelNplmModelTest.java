package io.trigmon.nplm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trigmon.nuisance.NuisanceTerms;
import io.trigmon.store.ModelFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelNplmModelTest {

  private static final double[][] REFERENCE = Samples.gaussian(1000, 0, 1);
  private static final KernelNplmModel MODEL =
      new KernelNplmModel(ReferenceSample.of(REFERENCE), KernelNplm.protocol(REFERENCE, 20, 2));

  @Test
  void aLoadedModelGivesTheSameTest(@TempDir Path dir) {
    MODEL.save(dir, "test");
    double[][] data = Samples.gaussian(300, 0.1, 3);
    NplmResult before = MODEL.prepare().test(data, NuisanceTerms.none(), NplmOptions.shapeOnly());
    NplmResult after =
        KernelNplmModel.load(dir)
            .prepare()
            .test(data, NuisanceTerms.none(), NplmOptions.shapeOnly());
    assertThat(after.t()).isEqualTo(before.t());
    assertThat(KernelNplmModel.load(dir).reference().sha256())
        .isEqualTo(MODEL.reference().sha256());
  }

  @Test
  void aTamperedReferenceIsRefused(@TempDir Path dir) throws Exception {
    MODEL.save(dir, "test");
    Path file = dir.resolve(KernelNplmModel.REFERENCE_FILE);
    byte[] bytes = Files.readAllBytes(file);
    bytes[100] ^= 1;
    Files.write(file, bytes);
    assertThatThrownBy(() -> KernelNplmModel.load(dir))
        .isInstanceOf(ModelFileException.class)
        .hasMessageContaining("SHA-256");
  }

  @Test
  void theReferenceHashNamesTheEventsNotTheirFile() {
    assertThat(ReferenceSample.of(Samples.gaussian(1000, 0, 1)).sha256())
        .isEqualTo(MODEL.reference().sha256())
        .isNotEqualTo(ReferenceSample.of(Samples.gaussian(1000, 0, 2)).sha256());
  }
}
