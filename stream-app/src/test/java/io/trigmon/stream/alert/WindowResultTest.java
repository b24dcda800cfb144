package io.trigmon.stream.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The alert hooks' (and live page's) reading of the Flink job's result JSON. */
class WindowResultTest {

  private static final String JOB_JSON =
      "{\"stream\":\"DoubleMuon\",\"window_id\":\"DoubleMuon@2026-03-01T00:00:00Z\","
          + "\"window_start\":1772323200000,\"window_end\":1772323210000,\"n_events\":1003,"
          + "\"n_data\":1000,\"n_expected\":990.5,\"t\":12.5,\"tau\":13.0,\"delta\":0.5,"
          + "\"nu_hat\":{\"scale-barrel\":0.2},\"p\":0.01,\"z\":2.326,"
          + "\"ae_score_quantiles\":{\"q50\":0.7,\"q99\":4.5},\"excess_m12\":301.5,"
          + "\"model_versions\":{\"nplm-kernel\":\"1\"}}";

  @Test
  void readsEveryFieldTheJobWrites() throws Exception {
    WindowResult r = WindowResult.fromJson(JOB_JSON);
    assertThat(r.nEvents()).isEqualTo(1003);
    assertThat(r.nData()).isEqualTo(1000);
    assertThat(r.nExpected()).isEqualTo(990.5);
    assertThat(r.aeScoreQuantiles()).containsEntry("q50", 0.7).containsEntry("q99", 4.5);
    assertThat(r.excessM12()).isEqualTo(301.5);
    assertThat(r.z()).isEqualTo(2.326);
    assertThat(r.calibrated()).isTrue();
  }

  @Test
  void nullPAndZWithoutACalibrationReadAsNaNNotZero() throws Exception {
    WindowResult r =
        WindowResult.fromJson(
            JOB_JSON
                .replace("\"p\":0.01", "\"p\":null")
                .replace("\"z\":2.326", "\"z\":null")
                .replace("\"n_expected\":990.5", "\"n_expected\":null")
                .replace("\"excess_m12\":301.5", "\"excess_m12\":null"));
    assertThat(r.z()).isNaN();
    assertThat(r.p()).isNaN();
    assertThat(r.calibrated()).isFalse();
    assertThat(r.nExpected()).isNull();
    assertThat(r.excessM12()).isNull();
  }

  @Test
  void roundTripsItsOwnJson() throws Exception {
    WindowResult r = WindowResult.fromJson(JOB_JSON);
    assertThat(WindowResult.fromJson(r.toJson())).isEqualTo(r);
  }
}
