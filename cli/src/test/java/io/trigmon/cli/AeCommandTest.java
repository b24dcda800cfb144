package io.trigmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trigmon.autoencoder.AutoencoderModel;
import io.trigmon.autoencoder.SyntheticEvents;
import io.trigmon.autoencoder.TrainingMode;
import io.trigmon.event.Event;
import io.trigmon.io.EventFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AeCommandTest {

  @TempDir Path dir;

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void trainsSavesAndScoresAnEventFile() throws IOException {
    Path reference = dir.resolve("sm.h5");
    EventFiles.write(reference, new SyntheticEvents(1).standardModel(1500));
    Path model = dir.resolve("model");

    CliRun train =
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
    CliRun score =
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
    CliRun outcome = run("ae", "train", "--events", "x.h5", "--mode", "robust", "--out", "m");
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
    CliRun outcome =
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
    CliRun outcome =
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
