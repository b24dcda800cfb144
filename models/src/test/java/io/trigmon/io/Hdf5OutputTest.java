package io.trigmon.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Hdf5OutputTest {

  @TempDir Path dir;

  @Test
  void theWriterIsBufferedWithThisJhdfVersion() {
    try (WritableHdfFile out = Hdf5Output.create(dir.resolve("b.h5"))) {
      assertThat(Hdf5Output.isBuffered(out)).isTrue();
      out.putDataset("x", new double[] {1});
    }
  }

  @Test
  void aBufferedFileHoldsExactlyWhatPlainJhdfWrites() throws Exception {
    float[][][] particles = new float[300][19][4];
    for (int i = 0; i < particles.length; i++) {
      for (int s = 0; s < 19; s++) {
        particles[i][s] = new float[] {i + s, -s, 0.01f * i, s % 5};
      }
    }
    Path plain = dir.resolve("plain.h5");
    Path buffered = dir.resolve("buffered.h5");
    try (WritableHdfFile out = HdfFile.write(plain)) {
      out.putDataset("Particles", particles);
      out.putDataset("t", new long[] {1, 2, 3});
      out.putAttribute("stream", "s");
    }
    try (WritableHdfFile out = Hdf5Output.create(buffered)) {
      out.putDataset("Particles", particles);
      out.putDataset("t", new long[] {1, 2, 3});
      out.putAttribute("stream", "s");
    }

    assertThat(Files.readAllBytes(buffered)).isEqualTo(Files.readAllBytes(plain));
  }

  @Test
  void aShorterFileReplacesALongerOneCompletely() {
    Path file = dir.resolve("again.h5");
    ChallengeHdf5.write(file, TestEvents.random(500, 1));
    List<io.trigmon.event.Event> few = TestEvents.random(3, 2);

    ChallengeHdf5.write(file, few);

    assertThat(ChallengeHdf5.read(file)).hasSize(3);
    try (HdfFile hdf = new HdfFile(file)) {
      assertThat(hdf.size()).isLessThan(20_000);
    }
  }
}
