package io.trigmon.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trigmon.broker.KafkaBroker;
import io.trigmon.broker.KafkaBrokerExtension;
import io.trigmon.event.Event;
import io.trigmon.event.EventCodec;
import io.trigmon.nplm.KernelNplmModel;
import io.trigmon.nuisance.NuisanceModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calibration drift end to end (DESIGN §4, issue 5): a real broker and a 2-slot MiniCluster, a
 * simulated tau-like Drell–Yan stream of 12 windows whose lepton momentum scale drifts to +1σ (3 %)
 * in windows 9–12 (indices 8–11), tested twice — with the learned δ̂ model of the scale and the
 * calibration made with it, and without any δ̂ model (only the normalisation as a nuisance).
 *
 * <p>With the δ̂ model the drift is what Δ and ν̂ see: ν̂ of the scale moves to +1 within the
 * spread of ν̂ in windows simulated at +1σ and tested directly, Δ exceeds what a χ² of two degrees
 * of freedom (scale and normalisation) reaches at 5σ, and t = τ − Δ stays quiet (Z &lt; 2
 * everywhere). Without it the same windows look like new physics: their Z is at least 3.
 *
 * <p>Sizes: N(R0) = 500 per 10 s window (σ_N = 2.5 %), N_R = 10 000, 40 null toys per ν* (0, ±1
 * with the δ̂ model; 0 without), a δ̂ network 32-32-32 trained on 30 000 nominal and 6 × 12 000
 * varied events. The window size is set by that δ̂ model: what it gets wrong raises t in drifted
 * windows by an amount that grows with N_D — at N(R0) = 1000 (about 1540 events at +1σ) t was about
 * 15 above the nominal windows' on average, enough for one drifted window in four to reach Z = 2.9;
 * a δ̂ model trained on several times more events would allow larger windows.
 */
@ExtendWith(KafkaBrokerExtension.class)
class CalibrationDriftIT {

  @RegisterExtension static final MiniClusterExtension FLINK = MonitorHarness.twoSlotMiniCluster();

  static final DriftScenario SCENARIO =
      new DriftScenario(12, 500, Duration.ofSeconds(10), List.of(8, 9, 10, 11), 10_000, 40);

  /** Δ above this is a 5σ departure of a χ² with two degrees of freedom (scale, normalisation). */
  static final double DELTA_5_SIGMA =
      new ChiSquaredDistribution(2)
          .inverseCumulativeProbability(new NormalDistribution().cumulativeProbability(5));

  /** Windows simulated per scale value to measure the spread of ν̂. */
  static final int NU_HAT_TOYS = 8;

  @TempDir static Path root;

  private static MonitorHarness harness;
  private static String events;
  private static double[] nuHatNominal;
  private static double[] nuHatDrifted;
  private static int[] produced;

  @BeforeAll
  static void modelsAndStream(KafkaBroker broker) throws Exception {
    harness = new MonitorHarness(broker);
    double ratio = DriftScenario.yieldRatio(1);
    KernelNplmModel reference = SCENARIO.reference();
    NuisanceModel delta = SCENARIO.trainDelta();
    SCENARIO.writeModels(root.resolve("with-delta"), reference, delta);
    SCENARIO.writeModels(root.resolve("without-delta"), reference, null);
    var nplm = reference.prepare(delta);
    nuHatNominal =
        DriftScenario.nuHatToys(nplm, SCENARIO.options(), 0, SCENARIO.expected(), NU_HAT_TOYS);
    nuHatDrifted =
        DriftScenario.nuHatToys(
            nplm, SCENARIO.options(), 1, SCENARIO.expected() * ratio, NU_HAT_TOYS);
    System.out.printf(
        "yield ratio at +1σ %.3f; ν̂ toys at 0: %s; at +1: %s%n",
        ratio, Arrays.toString(nuHatNominal), Arrays.toString(nuHatDrifted));
    List<byte[]> records = new ArrayList<>();
    produced = new int[SCENARIO.windows()];
    for (int i = 0; i < SCENARIO.windows(); i++) {
      List<Event> window = SCENARIO.windowEvents(i, ratio);
      produced[i] = window.size();
      window.forEach(e -> records.add(EventCodec.encode(e)));
    }
    events = harness.topic("drift-events", 2);
    harness.produce(events, records);
  }

  @Test
  void driftMovesNuHatAndDeltaWithoutAnAnomalyAlarm() throws Exception {
    List<JsonNode> results = run("with-delta");
    double spreadNominal = spread(nuHatNominal);
    double spreadDrifted = spread(nuHatDrifted);
    for (int i = 0; i < SCENARIO.windows(); i++) {
      JsonNode window = results.get(i);
      double nuHat = window.get("nu_hat").get(DriftScenario.NUISANCE).asDouble();
      double delta = window.get("delta").asDouble();
      assertThat(window.get("model_versions").has(NuisanceModel.KIND)).isTrue();
      assertThat(window.get("z").asDouble()).as("Z of window %d", i).isLessThan(2);
      if (SCENARIO.nu(i) > 0) {
        assertThat(nuHat).as("ν̂ of drifted window %d", i).isCloseTo(1.0, within(spreadDrifted));
        assertThat(delta).as("Δ of drifted window %d", i).isGreaterThan(DELTA_5_SIGMA);
      } else {
        assertThat(nuHat).as("ν̂ of window %d", i).isCloseTo(0.0, within(spreadNominal));
        assertThat(delta).as("Δ of window %d", i).isLessThan(DELTA_5_SIGMA);
      }
    }
    // The MiniCluster runs in this JVM: its tasks recorded into this registry.
    assertThat(MonitorMetrics.registry().scrape())
        .contains(
            "trigmon_nuisance_hat{nuisance=\"scale\",stream=\"" + DriftScenario.STREAM + "\"}");
  }

  @Test
  void withoutTheDeltaModelTheDriftLooksLikeAnAnomaly() throws Exception {
    List<JsonNode> results = run("without-delta");
    for (int i = 0; i < SCENARIO.windows(); i++) {
      double z = results.get(i).get("z").asDouble();
      if (SCENARIO.nu(i) > 0) {
        assertThat(z).as("Z of drifted window %d without δ̂", i).isGreaterThanOrEqualTo(3);
      } else {
        assertThat(z).as("Z of window %d without δ̂", i).isLessThan(2);
      }
    }
  }

  private static List<JsonNode> run(String models) throws Exception {
    MonitorSettings settings =
        MonitorSettings.defaults(root.resolve(models).toString())
            .withWindow(SCENARIO.window())
            .withExpectedRate(SCENARIO.expected() / (SCENARIO.window().toMillis() / 1000.0))
            .withCheckpointInterval(Duration.ofSeconds(1));
    List<JsonNode> results = harness.run(events, null, settings, SCENARIO.windows()).results();
    assertThat(results).hasSize(SCENARIO.windows());
    // The statistics below are judged on complete windows: a window short of events would fail
    // them for a reason that has nothing to do with the nuisance model.
    for (int i = 0; i < results.size(); i++) {
      assertThat(results.get(i).get("n_events").asInt())
          .as("events counted in window %d (all produced ones, none late or lost)", i)
          .isEqualTo(produced[i]);
    }
    for (int i = 0; i < results.size(); i++) {
      JsonNode w = results.get(i);
      System.out.printf(
          "%s window %d ν*=%.0f N_D=%d t=%.2f τ=%.2f Δ=%.2f ν̂(τ)=%s ν̂(Δ)=%s Z=%.2f%n",
          models,
          i,
          SCENARIO.nu(i),
          w.get("n_data").asInt(),
          w.get("t").asDouble(),
          w.get("tau").asDouble(),
          w.get("delta").asDouble(),
          w.get("nu_hat_tau"),
          w.get("nu_hat"),
          w.get("z").asDouble());
    }
    return results;
  }

  /**
   * Tolerance on ν̂: four standard deviations of ν̂ over the toy windows. The toys' mean offset
   * from the simulated value (the δ̂ model's bias, the pull of ν_A = 0) is not added: it counts
   * against the test.
   */
  private static double spread(double[] nuHat) {
    double mean = Arrays.stream(nuHat).average().orElseThrow();
    double var = Arrays.stream(nuHat).map(x -> (x - mean) * (x - mean)).sum() / (nuHat.length - 1);
    return 4 * Math.sqrt(var);
  }

  private static org.assertj.core.data.Offset<Double> within(double tolerance) {
    return org.assertj.core.data.Offset.offset(tolerance);
  }
}
