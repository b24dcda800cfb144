package io.trigmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trigmon.autoencoder.AutoencoderModel;
import io.trigmon.autoencoder.SyntheticEvents;
import io.trigmon.autoencoder.TrainingMode;
import io.trigmon.event.Event;
import io.trigmon.io.EventFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AeCommandTest {

  @TempDir Path dir;

  private record Outcome(int code, String out, String err) {}

  private static Outcome run(String... args) {
    CommandLine cmd = Trigmon.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return new Outcome(cmd.execute(args), out.toString(), err.toString());
  }

  @Test
  void trainsSavesAndScoresAnEventFile() throws IOException {
    Path reference = dir.resolve("sm.h5");
    EventFiles.write(reference, new SyntheticEvents(1).standardModel(1500));
    Path model = dir.resolve("model");

    Outcome train =
        run(
            "ae",
            "train",
            "--events",
            reference.toString(),
            "--mode",
            "parametrised",
            "--epochs",
            "2",
            "--out",
            model.toString());
    assertThat(train.code()).as(train.err()).isZero();
    assertThat(train.out()).contains("epoch   1").contains("validation loss");
    assertThat(AutoencoderModel.load(model).mode()).isEqualTo(TrainingMode.PARAMETRISED);

    Path data = dir.resolve("data.h5");
    List<Event> events = new SyntheticEvents(2).anomalies(20);
    EventFiles.write(data, events);
    Path scores = dir.resolve("scores.csv");
    Outcome score =
        run(
            "ae",
            "score",
            "--model",
            model.toString(),
            "--events",
            data.toString(),
            "--nu",
            "0,0",
            "--out",
            scores.toString());
    assertThat(score.code()).as(score.err()).isZero();
    List<String> lines = Files.readAllLines(scores);
    assertThat(lines).hasSize(21).first().isEqualTo("run,lumisection,event,score");
    float[] expected = AutoencoderModel.load(model).score(EventFiles.read(data));
    assertThat(Float.parseFloat(lines.get(5).split(",")[3])).isEqualTo(expected[4]);
  }

  @Test
  void unknownModeIsAUsageErrorListingTheModes() {
    Outcome outcome = run("ae", "train", "--events", "x.h5", "--mode", "robust", "--out", "m");
    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err()).contains("robust").contains("decorrelated");
  }

  @Test
  void tamperedModelIsRefusedWithExitTwo() throws IOException {
    Path reference = dir.resolve("sm.h5");
    EventFiles.write(reference, new SyntheticEvents(1).standardModel(300));
    Path model = dir.resolve("model");
    assertThat(
            run(
                    "ae",
                    "train",
                    "--events",
                    reference.toString(),
                    "--epochs",
                    "1",
                    "--out",
                    model.toString())
                .code())
        .isZero();
    Files.writeString(model.resolve("weights.bin"), "tampered");
    Outcome outcome =
        run(
            "ae",
            "score",
            "--model",
            model.toString(),
            "--events",
            reference.toString(),
            "--out",
            dir.resolve("s.csv").toString());
    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err()).contains("SHA-256");
  }

  @Test
  void missingEventFileIsTheUsersToFix() {
    Outcome outcome =
        run(
            "ae",
            "score",
            "--model",
            dir.toString(),
            "--events",
            dir.resolve("none.h5").toString(),
            "--out",
            dir.resolve("s.csv").toString());
    assertThat(outcome.code()).isEqualTo(2);
  }
}
