package io.trigmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NplmCommandTest {

  private static Path csv(Path dir, String name, int n, long seed) throws Exception {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder text = new StringBuilder("pt1,pt2,eta1,eta2,dphi\n");
    for (int i = 0; i < n; i++) {
      double pt1 = 40 + 30 * random.nextDouble();
      double pt2 = 20 + 20 * random.nextDouble();
      text.append(
          String.format(
              Locale.ROOT,
              "%f,%f,%f,%f,%f%n",
              pt1,
              pt2,
              4.8 * random.nextDouble() - 2.4,
              4.8 * random.nextDouble() - 2.4,
              2 * Math.PI * random.nextDouble() - Math.PI));
    }
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private static int run(StringWriter err, String... args) {
    CommandLine cmd = Trigmon.commandLine();
    cmd.setOut(new PrintWriter(new StringWriter(), true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  @Test
  void writesTheContractKeysToTheJsonFile(@TempDir Path dir) throws Exception {
    Path reference = csv(dir, "ref.csv", 3000, 1);
    Path data = csv(dir, "data.csv", 300, 2);
    Path out = dir.resolve("out.json");
    StringWriter err = new StringWriter();
    int code =
        run(
            err,
            "nplm",
            "--reference",
            reference.toString(),
            "--data",
            data.toString(),
            "--toys",
            "10",
            "--centres",
            "20",
            "--json",
            out.toString());
    assertThat(code).as(err.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toFile());
    for (String key :
        new String[] {
          "t", "tau", "delta", "nu_hat", "dof", "p", "z", "n_data", "n_reference", "seconds"
        }) {
      assertThat(json.has(key)).as("key %s in %s", key, json).isTrue();
    }
    assertThat(json.get("n_data").asInt()).isEqualTo(300);
    assertThat(json.get("n_reference").asInt()).isEqualTo(2100); // 30 % set aside for toys
  }

  @Test
  void theNeuralMethodWritesTheSameContractKeys(@TempDir Path dir) throws Exception {
    Path reference = csv(dir, "ref.csv", 1000, 7);
    Path data = csv(dir, "data.csv", 100, 8);
    Path out = dir.resolve("nn.json");
    StringWriter err = new StringWriter();
    int code =
        run(
            err,
            "nplm",
            "--reference",
            reference.toString(),
            "--data",
            data.toString(),
            "--expected",
            "100",
            "--norm-sigma",
            "0.025",
            "--toys",
            "6",
            "--method",
            "nn",
            "--nn-tolerance",
            "1e-2",
            "--json",
            out.toString());
    assertThat(code).as(err.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toFile());
    for (String key :
        new String[] {
          "t", "tau", "delta", "nu_hat", "dof", "p", "z", "n_data", "n_reference", "seconds"
        }) {
      assertThat(json.has(key)).as("key %s in %s", key, json).isTrue();
    }
    assertThat(json.get("method").asText()).isEqualTo("nn");
    assertThat(json.get("nu_hat").has("norm")).isTrue();
    assertThat(json.get("model").get("weight_clip").asDouble()).isEqualTo(2.15);
    assertThat(json.get("calibration").get("toys").asInt()).isEqualTo(6);
  }

  @Test
  void aSavedCalibrationIsReusedForTheSameReference(@TempDir Path dir) throws Exception {
    Path reference = csv(dir, "ref.csv", 2000, 3);
    Path data = csv(dir, "data.csv", 200, 4);
    Path cal = dir.resolve("cal");
    StringWriter err = new StringWriter();
    String[] common = {
      "nplm", "--reference", reference.toString(), "--data", data.toString(), "--centres", "15"
    };
    assertThat(
            run(
                err,
                concat(
                    common,
                    "--toys",
                    "8",
                    "--save-calibration",
                    cal.toString(),
                    "--json",
                    dir.resolve("a.json").toString())))
        .as(err.toString())
        .isZero();
    assertThat(
            run(
                err,
                concat(
                    common,
                    "--calibration",
                    cal.toString(),
                    "--json",
                    dir.resolve("b.json").toString())))
        .as(err.toString())
        .isZero();
    ObjectMapper mapper = new ObjectMapper();
    assertThat(mapper.readTree(dir.resolve("b.json").toFile()).get("z"))
        .isEqualTo(mapper.readTree(dir.resolve("a.json").toFile()).get("z"));
  }

  @Test
  void aMissingFileIsAUserError(@TempDir Path dir) {
    StringWriter err = new StringWriter();
    int code =
        run(
            err,
            "nplm",
            "--reference",
            dir.resolve("nope.csv").toString(),
            "--data",
            "x.csv",
            "--json",
            dir.resolve("o.json").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("nope.csv");
  }

  @Test
  void aDirectoryThatIsNoNuisanceModelIsAUserError(@TempDir Path dir) throws Exception {
    Path reference = csv(dir, "ref.csv", 500, 5);
    Path data = csv(dir, "data.csv", 100, 6);
    StringWriter err = new StringWriter();
    int code =
        run(
            err,
            "nplm",
            "--reference",
            reference.toString(),
            "--data",
            data.toString(),
            "--nuisance-model",
            dir.toString(),
            "--json",
            dir.resolve("o.json").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("manifest");
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
