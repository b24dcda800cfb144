package io.trigmon.cli;

import io.trigmon.autoencoder.AutoencoderModel;
import io.trigmon.autoencoder.AutoencoderTrainer;
import io.trigmon.autoencoder.EncodedEvents;
import io.trigmon.autoencoder.TrainingMode;
import io.trigmon.autoencoder.TrainingSettings;
import io.trigmon.event.Event;
import io.trigmon.io.EventFiles;
import io.trigmon.io.RecordedFileException;
import io.trigmon.simulation.Regime;
import io.trigmon.store.ModelFileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trigmon ae}: train an autoencoder on reference events, score events with it. */
@Command(
    name = "ae",
    mixinStandardHelpOptions = true,
    description = "Autoencoder anomaly score: train on reference (SM) events, score event files.",
    subcommands = {AeCommand.Train.class, AeCommand.Score.class},
    footer = {
      "",
      "Examples:",
      "  ./trigmon ae train --events sm.h5 --mode augmented --out models/ae-augmented",
      "  ./trigmon ae score --model models/ae-augmented --events data.h5 --out scores.csv"
    })
public final class AeCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code trigmon ae train}. */
  @Command(
      name = "train",
      mixinStandardHelpOptions = true,
      description = {
        "Trains the dense autoencoder with DJL on reference events and saves it as a model",
        "directory (manifest with SHA-256, normaliser, mode, layers; weights.bin). Prints the",
        "train and validation loss per epoch and stops early when the validation loss stalls."
      },
      footer = {
        "",
        "Modes: nominal | augmented (events shifted by ν ~ N(0,1) in jet energy scale and",
        "lepton scale) | decorrelated (augmented + DisCo penalty between score and ν) |",
        "parametrised (ν as extra inputs; scored at ν = 0 unless --nu is given).",
        "",
        "Examples:",
        "  ./trigmon ae train --events sm.h5 --mode nominal --out models/ae",
        "  ./trigmon ae train --events sm.h5 --mode decorrelated --disco-weight 20 --out models/ae-disco"
      })
  static final class Train implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--events",
        required = true,
        paramLabel = "FILE",
        description = "Reference events (challenge-layout HDF5).")
    Path events;

    @Option(
        names = "--mode",
        defaultValue = "nominal",
        paramLabel = "MODE",
        converter = ModeConverter.class,
        description =
            "nominal, augmented, decorrelated or parametrised (default: ${DEFAULT-VALUE}).")
    TrainingMode mode;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "DIR",
        description = "Model directory to write (created if missing).")
    Path out;

    @Option(
        names = "--hidden",
        split = ",",
        paramLabel = "N",
        description = "Hidden layer sizes (default: 32,16,8,16,32).")
    List<Integer> hidden = List.of(32, 16, 8, 16, 32);

    @Option(
        names = "--epochs",
        defaultValue = "30",
        description = "Most epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(
        names = "--batch-size",
        defaultValue = "256",
        description = "Events per step (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(
        names = "--learning-rate",
        defaultValue = "0.002",
        description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    float learningRate;

    @Option(
        names = "--patience",
        defaultValue = "3",
        description =
            "Epochs without a better validation loss before stopping (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(
        names = "--validation-fraction",
        defaultValue = "0.2",
        description = "Share of events held out for early stopping (default: ${DEFAULT-VALUE}).")
    double validationFraction;

    @Option(
        names = "--disco-weight",
        defaultValue = "10",
        description = "λ of the DisCo penalty, decorrelated mode (default: ${DEFAULT-VALUE}).")
    double discoWeight;

    @Option(
        names = "--regime",
        defaultValue = "electron-like",
        paramLabel = "REGIME",
        description =
            "Lepton-scale σ for the augmented modes, as the simulator's regimes: muon-like,"
                + " electron-like or tau-like; jet energy scale 3 % (default: ${DEFAULT-VALUE}).")
    String regime;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
        names = "--model-version",
        defaultValue = "1",
        description = "Version string recorded in the manifest (default: ${DEFAULT-VALUE}).")
    String version;

    private Regime regime() {
      try {
        return Regime.fromCliName(regime);
      } catch (IllegalArgumentException e) {
        throw new UserException(e.getMessage());
      }
    }

    @Override
    public void run() {
      TrainingSettings settings;
      try {
        settings =
            new TrainingSettings(
                hidden,
                epochs,
                batchSize,
                learningRate,
                patience,
                validationFraction,
                discoWeight,
                seed);
      } catch (IllegalArgumentException e) {
        throw new UserException(e.getMessage());
      }
      PrintWriter console = spec.commandLine().getOut();
      List<Event> reference = readEvents(events);
      console.printf(
          Locale.ROOT,
          "training a %s autoencoder on %d events from %s%n",
          mode.id(),
          reference.size(),
          events);
      AutoencoderTrainer.Result result;
      try {
        result =
            new AutoencoderTrainer(settings, SimulatedSamples.shiftFor(regime()))
                .train(
                    reference,
                    mode,
                    line -> {
                      console.println(line);
                      console.flush();
                    });
      } catch (IllegalArgumentException e) {
        throw new UserException(e.getMessage());
      }
      result.model().save(out, version);
      console.printf(
          Locale.ROOT,
          "saved %s autoencoder %s (%d epochs) to %s%n",
          mode.id(),
          result.model().architecture(),
          result.history().size(),
          out);
    }
  }

  /** {@code trigmon ae score}. */
  @Command(
      name = "score",
      mixinStandardHelpOptions = true,
      description = {
        "Scores every event of a file with a trained autoencoder (plain-Java forward pass over",
        "the saved parameters) and writes a CSV: run, lumisection, event number, anomaly",
        "score (masked reconstruction error in standardised units), in file order."
      },
      footer = {
        "",
        "Examples:",
        "  ./trigmon ae score --model models/ae --events data.h5 --out scores.csv",
        "  ./trigmon ae score --model models/ae-param --events data.h5 --nu 0.5,-1 --out s.csv"
      })
  static final class Score implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--model",
        required = true,
        paramLabel = "DIR",
        description = "Model directory.")
    Path model;

    @Option(
        names = "--events",
        required = true,
        paramLabel = "FILE",
        description = "Events to score (challenge-layout HDF5).")
    Path events;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output CSV.")
    Path out;

    @Option(
        names = "--nu",
        split = ",",
        paramLabel = "SIGMA",
        description = "Assumed nuisances (σ units) for a parametrised model (default: 0).")
    double[] nu;

    @Override
    public void run() {
      AutoencoderModel ae;
      try {
        ae = AutoencoderModel.load(model);
      } catch (ModelFileException e) {
        throw new UserException(e.getMessage());
      }
      if (nu != null && nu.length != ae.nuisances().size()) {
        throw new UserException(
            "--nu needs "
                + ae.nuisances().size()
                + " values "
                + ae.nuisances()
                + ", got "
                + nu.length);
      }
      List<Event> input = readEvents(events);
      EncodedEvents encoded = ae.encode(input, nu);
      float[] scores = new float[encoded.size()];
      ae.fast().score(encoded.x(), encoded.mask(), encoded.size(), scores);
      writeScores(input, scores);
      spec.commandLine()
          .getOut()
          .printf(
              Locale.ROOT,
              "scored %d events with %s (%s) into %s%n",
              scores.length,
              model,
              ae.mode().id(),
              out);
    }

    private void writeScores(List<Event> input, float[] scores) {
      try {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        try (Writer writer = Files.newBufferedWriter(out)) {
          writer.write("run,lumisection,event,score\n");
          for (int e = 0; e < scores.length; e++) {
            Event event = input.get(e);
            writer.write(
                event.run()
                    + ","
                    + event.lumisection()
                    + ","
                    + event.eventNumber()
                    + ","
                    + scores[e]
                    + "\n");
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + out, e);
      }
    }
  }

  /** The events of a recorded file (io.trigmon.io); a missing or unreadable file is the user's. */
  static List<Event> readEvents(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new UserException("event file " + file + " does not exist");
    }
    try {
      return EventFiles.read(file);
    } catch (RecordedFileException e) {
      throw new UserException(e.getMessage());
    }
  }

  /** Parses {@code --mode}, listing the valid modes on a typo. */
  static final class ModeConverter
      implements CommandLine.ITypeConverter<TrainingMode>, Iterable<String> {
    @Override
    public TrainingMode convert(String value) {
      try {
        return TrainingMode.of(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }

    @Override
    public Iterator<String> iterator() {
      return java.util.Arrays.stream(TrainingMode.values()).map(TrainingMode::id).iterator();
    }
  }
}
