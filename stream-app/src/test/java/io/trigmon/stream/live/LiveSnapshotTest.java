package io.trigmon.stream.live;

import static io.trigmon.stream.alert.Results.window;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.trigmon.stream.alert.AlertConfig;
import io.trigmon.stream.alert.WindowResult;
import io.trigmon.stream.ingest.IngestMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveSnapshotTest {

  private final WindowHistory history = new WindowHistory(500);
  private final IngestMetrics metrics = new IngestMetrics(new SimpleMeterRegistry());
  private final IngestRates rates = new IngestRates(metrics, 10);
  private final LiveSnapshot snapshot =
      new LiveSnapshot(history, rates, AlertConfig.defaults(), LiveConfig.defaults());

  private JsonNode json(String stream) throws Exception {
    return new ObjectMapper().readTree(snapshot.bytes(stream, 1_763_900_000_000L));
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.get(field).asText()));
    return out;
  }

  @Test
  void emptyBeforeTheFirstResult() throws Exception {
    JsonNode json = json(null);
    assertThat(json.get("stream").isNull()).isTrue();
    assertThat(json.get("windows")).isEmpty();
    assertThat(json.get("streams")).isEmpty();
    assertThat(json.get("thresholds").get("z_on").asDouble()).isEqualTo(3.0);
    assertThat(json.get("history").asInt()).isEqualTo(500);
  }

  @Test
  void windowsOfTheSelectedStreamInWindowOrderWithEveryField() throws Exception {
    history.add(window("dimuon", 2, 4.0, Map.of("scale", 0.5)));
    history.add(window("dimuon", 1, 1.0, Map.of("scale", 0.25)));
    history.add(window("zz", 1, 0.0));

    JsonNode json = json("dimuon");
    assertThat(json.get("stream").asText()).isEqualTo("dimuon");
    assertThat(texts(json.get("windows"), "window_id")).containsExactly("dimuon:1", "dimuon:2");
    JsonNode w = json.get("windows").get(1);
    WindowResult expected = window("dimuon", 2, 4.0);
    assertThat(w.get("window_start").asLong()).isEqualTo(expected.windowStart());
    assertThat(w.get("window_end").asLong()).isEqualTo(expected.windowEnd());
    assertThat(w.get("n_data").asLong()).isEqualTo(2000);
    assertThat(w.get("n_events").asLong()).isEqualTo(2100);
    assertThat(w.get("n_expected").asDouble()).isEqualTo(1990.0);
    assertThat(w.get("t").asDouble()).isEqualTo(40.0);
    assertThat(w.get("tau").asDouble()).isEqualTo(48.0);
    assertThat(w.get("delta").asDouble()).isEqualTo(8.0);
    assertThat(w.get("nu_hat").get("scale").asDouble()).isEqualTo(0.5);
    assertThat(w.get("nu_pull").get("scale").asDouble()).isEqualTo(0.5);
    assertThat(w.get("p").asDouble()).isEqualTo(0.01);
    assertThat(w.get("z").asDouble()).isEqualTo(4.0);
    assertThat(w.get("above").asBoolean()).isTrue();
    assertThat(w.get("ae_score_quantiles").get("q90").asDouble()).isEqualTo(4.0);
    assertThat(w.get("excess_m12").asDouble()).isEqualTo(301.5);
    assertThat(json.get("windows").get(0).get("above").asBoolean()).isFalse();
    assertThat(texts(json.get("streams"), "stream")).containsExactly("dimuon", "zz");
  }

  @Test
  void theStreamInAlarmIsShownUnlessAnotherIsAskedFor() throws Exception {
    history.add(window("aa", 1, 0.0));
    for (int i = 1; i <= 3; i++) {
      history.add(window("dimuon", i, 5.0));
    }
    assertThat(json(null).get("stream").asText()).isEqualTo("dimuon");
    assertThat(json(null).get("status").get("state").asText()).isEqualTo("ALARM");
    assertThat(json("unknown").get("stream").asText()).isEqualTo("dimuon");
    assertThat(json("aa").get("stream").asText()).isEqualTo("aa");
    assertThat(json("aa").get("status").get("state").asText()).isEqualTo("OK");
    assertThat(texts(json("aa").get("streams"), "state")).containsExactly("OK", "ALARM");
  }

  @Test
  void anUncalibratedZIsNullNotZero() throws Exception {
    history.add(window("dimuon", 1, Double.NaN));
    JsonNode json = json(null);
    assertThat(json.get("windows").get(0).get("z").isNull()).isTrue();
    assertThat(json.get("windows").get(0).get("above").asBoolean()).isFalse();
    assertThat(json.get("status").get("state").asText()).isEqualTo("NO_CALIBRATION");
  }

  @Test
  void ratesComeFromTheIngestCounters() throws Exception {
    rates.sample(0);
    metrics.valid("dimuon");
    metrics.valid("dimuon");
    rates.sample(2_000);
    JsonNode points = json(null).get("rates").get("points");
    assertThat(points).hasSize(1);
    assertThat(points.get(0).get("time_ms").asLong()).isEqualTo(2_000);
    assertThat(points.get(0).get("events").get("dimuon").asDouble()).isEqualTo(1.0);
    assertThat(points.get(0).get("dlq")).isEmpty();
    assertThat(json(null).get("rates").get("interval_ms").asLong()).isEqualTo(5_000);
  }
}
