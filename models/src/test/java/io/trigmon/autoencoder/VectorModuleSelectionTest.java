package io.trigmon.autoencoder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The scorer a JVM gets: without {@code --add-modules jdk.incubator.vector} (or with {@code
 * -Dtrigmon.vector=false}) the plain-Java one, and nothing that needs the module is loaded — run in
 * child JVMs, since this one has the module.
 */
class VectorModuleSelectionTest {

  @Test
  void aJvmWithoutTheModuleScoresWithThePlainPass() throws Exception {
    assertThat(child(List.of())).isEqualTo(expectedPlain());
  }

  @Test
  void thePropertyTurnsTheVectorApiOff() throws Exception {
    assertThat(child(List.of("--add-modules", "jdk.incubator.vector", "-Dtrigmon.vector=false")))
        .isEqualTo(expectedPlain());
  }

  @Test
  void withTheModuleTheVectorPassIsChosen() throws Exception {
    assertThat(child(List.of("--add-modules", "jdk.incubator.vector"))).startsWith("vector=true ");
  }

  private static String expectedPlain() {
    return "vector=false " + Child.scores(FastAutoencoder.plainJava(Child.network()));
  }

  /** Runs {@link Child} in a fresh JVM with {@code options}; returns what it printed. */
  private static String child(List<String> options) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(options);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Child.class.getName()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
    String[] lines = output.strip().split("\n");
    return lines[lines.length - 1]; // after the JVM's incubator-module warning, if any
  }

  /** The child JVM: which scorer the model gives, and its scores' bits for fixed inputs. */
  static final class Child {
    public static void main(String[] args) {
      FastAutoencoder fast =
          new AutoencoderModel(TrainingMode.NOMINAL, Normaliser.identity(), network(), List.of())
              .fast();
      System.out.println("vector=" + fast.usesVectorApi() + " " + scores(fast));
    }

    static DenseNetwork network() {
      return TestNetworks.random(Architecture.standard(0), 8);
    }

    static String scores(FastAutoencoder fast) {
      int n = 10;
      SplittableRandom random = new SplittableRandom(2);
      float[] x = new float[n * 57];
      float[] mask = new float[n * 19];
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) random.nextGaussian();
      }
      for (int i = 0; i < mask.length; i++) {
        mask[i] = random.nextInt(2);
      }
      float[] scores = new float[n];
      fast.score(x, mask, n, scores);
      StringBuilder bits = new StringBuilder();
      for (float s : scores) {
        bits.append(String.format(Locale.ROOT, "%08x ", Float.floatToIntBits(s)));
      }
      return bits.toString().strip();
    }
  }
}
