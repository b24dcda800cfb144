package io.trigmon.autoencoder;

import static org.assertj.core.api.Assertions.assertThat;

import io.trigmon.event.Event;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutoencoderTrainerTest {

  private static final TrainingSettings FAST =
      TrainingSettings.defaults().withMaxEpochs(8).withSeed(3);

  @Test
  void trainingReducesTheLossAndSeparatesAnObviousAnomaly() {
    List<Event> reference = new SyntheticEvents(21).standardModel(4000);
    List<EpochProgress> lines = new ArrayList<>();
    AutoencoderTrainer.Result result =
        new AutoencoderTrainer(FAST, MomentumScaleShift.standard())
            .train(reference, TrainingMode.NOMINAL, lines::add);

    assertThat(lines).isEqualTo(result.history()).isNotEmpty();
    double first = lines.get(0).validationLoss();
    double best = lines.stream().mapToDouble(EpochProgress::validationLoss).min().orElseThrow();
    assertThat(best).isLessThan(first);
    assertThat(lines.get(lines.size() - 1).trainLoss()).isLessThan(lines.get(0).trainLoss());

    int n = 500;
    float[] background = result.model().score(new SyntheticEvents(22).standardModel(n));
    float[] signal = result.model().score(new SyntheticEvents(23).anomalies(n));
    // Under "no separation" the AUC of n vs n events has σ = sqrt((2n + 1) / (12 n²)); ask for 5σ.
    double sigma = Math.sqrt((2.0 * n + 1) / (12.0 * n * n));
    assertThat(Roc.auc(background, signal)).isGreaterThan(0.5 + 5 * sigma);
  }

  @Test
  void everyModeTrainsTheNetworkItNeeds() {
    List<Event> reference = new SyntheticEvents(31).standardModel(1200);
    TrainingSettings twoEpochs = FAST.withMaxEpochs(2);
    for (TrainingMode mode : TrainingMode.values()) {
      AutoencoderModel model =
          new AutoencoderTrainer(twoEpochs, MomentumScaleShift.standard())
              .train(reference, mode, line -> {})
              .model();
      assertThat(model.mode()).isEqualTo(mode);
      assertThat(model.architecture().inputs())
          .isEqualTo(mode == TrainingMode.PARAMETRISED ? 59 : 57);
      for (float s : model.score(reference.subList(0, 100))) {
        assertThat(s).isFinite().isGreaterThanOrEqualTo(0f);
      }
    }
  }
}
