package io.trigmon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trigmon.simulation.Process;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reusing an earlier power study's neural t: only for the same windows, told by the kernel t. */
class NeuralReuseTest {

  private static final String CSV =
      "sample,window,kernel_t,kernel_z,neural_t,neural_z\n"
          + "null,0,100.0000,,110.5000,\n"
          + "null,1,98.0000,,,\n"
          + "zprime,0,120.0000,1.2000,130.2500,1.5000\n"
          + "eft,0,99.0000,0.1000,101.0000,0.2000\n"
          + "eft,1,97.0000,0.0000,95.0000,-0.3000\n";

  @Test
  void takesTheNeuralTOfWindowsWhoseKernelTMatches(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("power-neural-toys.csv"), CSV);
    Map<String, Double> reuse =
        NeuralReuse.read(
            file,
            List.of(100.0, 98.0, 103.0),
            Map.of(Process.ZPRIME, List.of(120.0), Process.EFT, List.of(99.0)));
    // null/1 had no neural test; eft/1 is beyond this run's windows
    assertThat(reuse)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("null/0", 110.5, "zprime/0", 130.25, "eft/0", 101.0));
  }

  @Test
  void refusesAFileOfOtherWindows(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("power-neural-toys.csv"), CSV);
    assertThatThrownBy(
            () ->
                NeuralReuse.read(
                    file,
                    List.of(100.0, 98.0),
                    Map.of(Process.ZPRIME, List.of(121.5), Process.EFT, List.of(99.0))))
        .isInstanceOf(UserException.class)
        .hasMessageContaining("zprime/0 had kernel t = 120.0000, this run computes 121.5000");
  }

  @Test
  void refusesAKernelOnlyCsv(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("k.csv"), "sample,window,kernel_t,kernel_z\n");
    assertThatThrownBy(() -> NeuralReuse.read(file, List.of(), Map.of()))
        .isInstanceOf(UserException.class)
        .hasMessageContaining("kernel and neural columns");
  }
}
