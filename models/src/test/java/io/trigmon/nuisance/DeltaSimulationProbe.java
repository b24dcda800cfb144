package io.trigmon.nuisance;

import io.trigmon.event.DileptonFeatures;
import io.trigmon.simulation.NuisanceShifts;
import io.trigmon.simulation.Process;
import io.trigmon.simulation.Regime;
import io.trigmon.simulation.Simulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Not a unit test: a δ̂ study on the simulator's Drell–Yan sample in the tau-like regime (barrel
 * lepton scale, σ = 3 %), with yield ratios from the simulator. Prints training time, closure and
 * expansion-order numbers. Run with {@code -Dtest=DeltaSimulationProbe} (minutes).
 */
class DeltaSimulationProbe {

  private static double[][] sample(String shift, int n, long seed) {
    Simulator simulator = simulator(shift, seed);
    List<double[]> rows = new ArrayList<>();
    simulator.generate(n, e -> DileptonFeatures.of(e).ifPresent(f -> rows.add(f.toArray())));
    return rows.toArray(double[][]::new);
  }

  private static Simulator simulator(String shift, long seed) {
    return Simulator.builder()
        .process(Process.DY)
        .regime(Regime.TAU_LIKE)
        .nuisances(NuisanceShifts.parse(shift))
        .seed(seed)
        .build();
  }

  @Test
  void barrelScaleInTheTauLikeRegime() {
    int nNominal = Integer.getInteger("nominal", 100_000);
    int nVaried = Integer.getInteger("varied", 40_000);
    double[] nus = {-2, -1, -0.5, 0.5, 1, 2};
    long t0 = System.nanoTime();
    double[][] nominal = sample("", nNominal, 1);
    double[][] nominalCheck = sample("", nVaried, 2);
    List<VariedSample> train = new ArrayList<>();
    List<VariedSample> check = new ArrayList<>();
    for (int i = 0; i < nus.length; i++) {
      String shift = "scale-barrel=" + nus[i];
      double ratio = simulator(shift, 99).yieldRatio(400_000).ratio();
      train.add(new VariedSample("barrel", nus[i], sample(shift, nVaried, 10 + i), ratio));
      check.add(new VariedSample("barrel", nus[i], sample(shift, nVaried / 2, 20 + i), ratio));
      System.out.printf("ν=%+.1f: yield ratio %.4f%n", nus[i], ratio);
    }
    System.out.printf("simulated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    int[] hidden =
        java.util.Arrays.stream(System.getProperty("hidden", "16,16").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    DeltaTrainingConfig d = DeltaTrainingConfig.defaults();
    DeltaTrainingConfig config =
        new DeltaTrainingConfig(
                hidden,
                d.activation(),
                d.loss(),
                300,
                d.learningRate(),
                d.validationFraction(),
                1,
                25,
                1,
                0)
            .withMiniBatches(4096, 300, 25);
    DeltaTrainer trainer = new DeltaTrainer(config, System.out::println);
    NuisanceModel model = trainer.train(nominal, train, Map.of("barrel", 0.03), null);
    System.out.println(trainer.history());
    for (Projection p : List.of(Projection.column("pt1", 0), Projection.m12())) {
      ClosureCheck closure = new ClosureCheck(p, 10, 3);
      for (VariedSample s : check) {
        System.out.println("closure " + closure.run(nominalCheck, s, model).summary());
      }
      System.out.println(
          "expansion " + new ExpansionOrderCheck(p, 10).run(nominalCheck, check, model).summary());
    }
  }
}
