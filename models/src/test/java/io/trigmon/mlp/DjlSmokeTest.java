package io.trigmon.mlp;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class DjlSmokeTest {
  @Test
  void pytorchEngineStartsOffline() {
    assertThat(Engine.getInstance().getEngineName()).isEqualTo("PyTorch");
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray a = manager.create(new float[] {1, 2, 3});
      assertThat(a.sum().getFloat()).isEqualTo(6f);
    }
  }
}
