package io.trigmon.autoencoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.trigmon.event.Event;
import io.trigmon.store.ModelFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutoencoderModelTest {

  @TempDir Path dir;

  private final List<Event> events = new SyntheticEvents(4).standardModel(500);

  private AutoencoderModel model() {
    float[] raw = new float[events.size() * 57];
    float[] mask = new float[events.size() * 19];
    for (int e = 0; e < events.size(); e++) {
      io.trigmon.event.AutoencoderFeatures.fill(events.get(e), raw, e * 57, mask, e * 19);
    }
    return new AutoencoderModel(
        TrainingMode.PARAMETRISED,
        Normaliser.fit(raw, mask, events.size()),
        TestNetworks.random(Architecture.standard(2), 9),
        MomentumScaleShift.standard().names());
  }

  @Test
  void savedModelLoadsWithTheSameScores() {
    AutoencoderModel model = model();
    model.save(dir, "test-1");
    AutoencoderModel loaded = AutoencoderModel.load(dir);
    assertThat(loaded.mode()).isEqualTo(TrainingMode.PARAMETRISED);
    assertThat(loaded.normaliser()).isEqualTo(model.normaliser());
    assertThat(loaded.architecture()).isEqualTo(model.architecture());
    assertThat(loaded.nuisances()).isEqualTo(model.nuisances());
    assertThat(loaded.score(events)).containsExactly(model.score(events));
  }

  @Test
  void perEventScorerGivesTheBatchScores() {
    AutoencoderModel model = model();
    float[] batch = model.score(events);
    EventScorer scorer = model.scorer(null);
    for (int e = 0; e < events.size(); e++) {
      assertThat(scorer.score(events.get(e))).isCloseTo(batch[e], within(1e-6f));
    }
  }

  @Test
  void tamperedWeightsAreRefused() throws IOException {
    model().save(dir, "test-1");
    Path weights = dir.resolve(AutoencoderModel.WEIGHTS);
    byte[] bytes = Files.readAllBytes(weights);
    bytes[bytes.length / 2] ^= 1;
    Files.write(weights, bytes);
    assertThatThrownBy(() -> AutoencoderModel.load(dir))
        .isInstanceOf(ModelFileException.class)
        .hasMessageContaining("SHA-256");
  }

  @Test
  void truncatedWeightsAreRefusedEvenWithAMatchingHash() {
    byte[] bytes = model().network().toBytes();
    byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 4);
    assertThatThrownBy(() -> DenseNetwork.fromBytes(truncated)).hasMessageContaining("truncated");
  }
}
