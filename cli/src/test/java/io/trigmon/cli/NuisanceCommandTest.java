package io.trigmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trigmon.nuisance.NuisanceModel;
import io.trigmon.store.ModelDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NuisanceCommandTest {

  @TempDir Path dir;

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  /** Falling pT spectra above 25 GeV with the momentum scale pT → pT·exp(0.03 ν). */
  private Path sample(String name, double nu, int n, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder csv = new StringBuilder("pt1,pt2,eta1,eta2,dphi\n");
    int written = 0;
    while (written < n) {
      double scale = Math.exp(0.03 * nu);
      double a = (20 - 30 * Math.log(random.nextDouble())) * scale;
      double b = (20 - 30 * Math.log(random.nextDouble())) * scale;
      if (Math.min(a, b) < 25) {
        continue;
      }
      csv.append(Math.max(a, b))
          .append(',')
          .append(Math.min(a, b))
          .append(',')
          .append(random.nextDouble(-2.4, 2.4))
          .append(',')
          .append(random.nextDouble(-2.4, 2.4))
          .append(',')
          .append(random.nextDouble(-Math.PI, Math.PI))
          .append('\n');
      written++;
    }
    Path file = dir.resolve(name + ".csv");
    Files.writeString(file, csv);
    return file;
  }

  @Test
  void trainsSavesAndChecksAModel() throws IOException {
    Path nominal = sample("nominal", 0, 4000, 1);
    Path minus = sample("minus", -2, 2000, 2);
    Path plus = sample("plus", 2, 2000, 3);
    Path out = dir.resolve("delta");
    CliRun outcome =
        run(
            "nuisance",
            "train",
            "--nominal",
            nominal.toString(),
            "--varied",
            "scale=-2:" + minus + "@0.9",
            "--varied",
            "scale=2:" + plus + "@1.1",
            "--sigma",
            "scale=0.03",
            "--epochs",
            "40",
            "--batch-size",
            "1000",
            "--hidden",
            "8,8",
            "--out",
            out.toString());
    assertThat(outcome.code()).as(outcome.err()).isZero();
    assertThat(outcome.out()).contains("closure scale ν=-2.00").contains("expansion scale");
    NuisanceModel model = NuisanceModel.load(out);
    assertThat(model.names()).containsExactly("scale");
    assertThat(model.deltas().get(0).sigma()).isEqualTo(0.03);
    assertThat(ModelDirectory.open(out, NuisanceModel.KIND).manifest().parameters())
        .containsKeys("closure", "expansion_order", "training");
  }

  @Test
  void malformedVariedArgumentIsAUsageError() {
    CliRun outcome =
        run("nuisance", "train", "--nominal", "a.csv", "--varied", "scale:1:b.csv", "--out", "x");
    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err()).contains("NAME=NU:FILE[@YIELD]");
  }

  @Test
  void sigmaForAnUnknownNuisanceIsRejected() throws IOException {
    Path nominal = sample("n", 0, 10, 1);
    CliRun outcome =
        run(
            "nuisance",
            "train",
            "--nominal",
            nominal.toString(),
            "--varied",
            "a=1:" + nominal,
            "--sigma",
            "b=0.1",
            "--out",
            dir.resolve("o").toString());
    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err()).contains("'b'");
  }

  @Test
  void variedSpecParsesNegativeShiftsAndYields() {
    VariedSpec spec = new VariedSpec.Converter().convert("barrel=-1.5:/data/b m1.csv@0.97");
    assertThat(spec).isEqualTo(new VariedSpec("barrel", -1.5, Path.of("/data/b m1.csv"), 0.97));
    assertThat(new VariedSpec.Converter().convert("e=2:x.csv").yieldRatio()).isEqualTo(1);
  }
}
