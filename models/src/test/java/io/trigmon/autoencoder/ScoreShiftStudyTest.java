package io.trigmon.autoencoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.trigmon.event.Event;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreShiftStudyTest {

  @Test
  void ksDistanceIsZeroForEqualAndOneForDisjointSamples() {
    float[] a = {1, 2, 3, 4};
    assertThat(ScoreShiftStudy.ksDistance(a, a.clone())).isZero();
    assertThat(ScoreShiftStudy.ksDistance(a, new float[] {5, 6})).isEqualTo(1.0);
    assertThat(ScoreShiftStudy.ksDistance(a, new float[] {3, 4, 5, 6})).isEqualTo(0.5);
  }

  @Test
  void aNuisanceWithZeroSigmaMovesNothingAndAnObviousAnomalyIsFound() {
    List<Event> sm = new SyntheticEvents(5).standardModel(3000);
    MomentumScaleShift noEffect = new MomentumScaleShift(0, 0, 0, 0, 0);
    AutoencoderModel model =
        new AutoencoderTrainer(TrainingSettings.defaults().withMaxEpochs(3), noEffect)
            .train(new SyntheticEvents(6).standardModel(3000), TrainingMode.NOMINAL, line -> {})
            .model();
    ScoreShiftStudy.Result result =
        new ScoreShiftStudy(model, noEffect)
            .run(sm, Map.of("four-lepton", new SyntheticEvents(7).anomalies(300)), 1);
    assertThat(result.shifts()).hasSize(4);
    for (ShiftEffect effect : result.shifts()) {
      assertThat(effect.ksDistance()).isZero();
      assertThat(effect.relativeMeanShift()).isCloseTo(0, within(1e-9));
      // ⌊0.01 · 3000⌋ = 30 events lie above the nominal 99th-percentile cut, ties aside.
      assertThat(effect.fprAtNominalCut()).isCloseTo(0.01, within(1e-9));
      assertThat(effect.fprAtTightCut()).isCloseTo(0.001, within(1e-9));
    }
    assertThat(result.signals())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.auc()).isGreaterThan(0.9);
              assertThat(s.resolvable()).isFalse();
            });
  }
}
