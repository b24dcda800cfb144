package io.trigmon.flink;

import io.trigmon.calibration.Calibration;
import io.trigmon.event.DileptonFeatures;
import io.trigmon.nplm.NplmOptions;
import io.trigmon.nplm.NplmResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioProbe {
  @Test
  void probe(@TempDir Path dir) {
    int nd = Integer.getInteger("nd", 2000);
    int ns = Integer.getInteger("ns", 60);
    int nr = Integer.getInteger("nr", 20000);
    int toys = Integer.getInteger("toys", 200);
    MonitorScenario s =
        new MonitorScenario(12, nd, Duration.ofSeconds(10), List.of(4, 5, 6), ns, nr, toys);
    long t0 = System.nanoTime();
    Calibration cal = s.writeModels(dir);
    System.out.printf("models %.1f s dof %.1f%n", (System.nanoTime() - t0) / 1e9, cal.dof());
    MonitorModels models = MonitorModels.load(dir);
    for (int i = 0; i < 12; i++) {
      double[][] w =
          s.windowEvents(i).stream()
              .map(DileptonFeatures::of)
              .flatMap(Optional::stream)
              .map(DileptonFeatures::toArray)
              .toArray(double[][]::new);
      long a = System.nanoTime();
      NplmResult r = models.nplm().test(w, NplmOptions.shapeOnly());
      System.out.printf(
          "window %d n=%d t=%.2f Z=%.2f m12=%s %.3f s%n",
          i, w.length, r.t(), cal.z(r.t()), r.excessM12(), (System.nanoTime() - a) / 1e9);
    }
  }
}
