package io.trigmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trigmon.autoencoder.EventShift;
import io.trigmon.autoencoder.MomentumScaleShift;
import io.trigmon.autoencoder.SyntheticEvents;
import io.trigmon.event.Event;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ValidateAeCommandTest {

  @TempDir Path dir;

  /** Synthetic stand-in for the simulator: the report's plumbing, not its physics. */
  private static final class Synthetic implements AeValidationSamples {
    private final EventShift shift = MomentumScaleShift.standard();

    @Override
    public String description() {
      return "synthetic test events";
    }

    @Override
    public List<Event> standardModel(int n, long seed) {
      return new SyntheticEvents(seed).standardModel(n);
    }

    @Override
    public List<Event> standardModel(int n, long seed, double[] nu) {
      return standardModel(n, seed).stream().map(e -> shift.shift(e, nu)).toList();
    }

    @Override
    public Map<String, List<Event>> signals(int n, long seed) {
      return Map.of("four-lepton", new SyntheticEvents(seed).anomalies(n));
    }

    @Override
    public EventShift nuisances() {
      return shift;
    }
  }

  @Test
  void writesMarkdownAndPlotsForEveryMode() throws IOException {
    CommandLine cmd = new CommandLine(new ValidateAeCommand(new Synthetic()));
    StringWriter out = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    int code =
        cmd.execute(
            "--out",
            dir.toString(),
            "--train-events",
            "1000",
            "--test-events",
            "1000",
            "--signal-events",
            "100",
            "--epochs",
            "2");
    assertThat(code).as(out.toString()).isZero();
    String md = Files.readString(dir.resolve("README.md"));
    for (String mode : List.of("nominal", "augmented", "decorrelated", "parametrised")) {
      assertThat(md).contains("| " + mode + " |");
      assertThat(dir.resolve("scores-" + mode + ".png")).isRegularFile();
    }
    assertThat(md).contains("jet_energy_scale +1σ").contains("four-lepton");
    assertThat(dir.resolve("roc-four-lepton.png")).isRegularFile();
    assertThat(dir.resolve("false-alarms.png")).isRegularFile();
  }
}
