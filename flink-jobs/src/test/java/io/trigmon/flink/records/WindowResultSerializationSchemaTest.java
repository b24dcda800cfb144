package io.trigmon.flink.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class WindowResultSerializationSchemaTest {

  static final WindowResult RESULT =
      new WindowResult(
          "DoubleMuon",
          WindowResult.windowId("DoubleMuon", 1_772_323_200_000L),
          1_772_323_200_000L,
          1_772_323_210_000L,
          1003,
          1000,
          null,
          12.5,
          13.0,
          0.5,
          Map.of("scale-barrel", 0.2),
          Map.of("scale-barrel", 0.1),
          0.01,
          2.326,
          Map.of(),
          301.5,
          Map.of("nplm-kernel", "1"));

  @Test
  void jsonHasTheSnakeCaseKeysTheAlertHookReads() throws Exception {
    ProducerRecord<byte[], byte[]> record =
        new WindowResultSerializationSchema("monitor.results").serialize(RESULT, null, null);
    JsonNode json = new ObjectMapper().readTree(record.value());

    assertThat(new String(record.key(), StandardCharsets.UTF_8))
        .isEqualTo("DoubleMuon@2026-03-01T00:00:00Z");
    assertThat(json.get("stream").asText()).isEqualTo("DoubleMuon");
    assertThat(json.get("window_id").asText()).isEqualTo("DoubleMuon@2026-03-01T00:00:00Z");
    assertThat(json.get("window_start").asLong())
        .isEqualTo(Instant.parse("2026-03-01T00:00:00Z").toEpochMilli());
    assertThat(json.get("window_end").asLong())
        .isEqualTo(Instant.parse("2026-03-01T00:00:10Z").toEpochMilli());
    assertThat(json.get("n_data").asInt()).isEqualTo(1000);
    assertThat(json.get("n_expected").isNull()).isTrue();
    assertThat(json.get("t").asDouble()).isEqualTo(12.5);
    assertThat(json.get("tau").asDouble()).isEqualTo(13.0);
    assertThat(json.get("delta").asDouble()).isEqualTo(0.5);
    assertThat(json.get("nu_hat").get("scale-barrel").asDouble()).isEqualTo(0.2);
    assertThat(json.get("p").asDouble()).isEqualTo(0.01);
    assertThat(json.get("z").asDouble()).isEqualTo(2.326);
    assertThat(json.get("ae_score_quantiles").isEmpty()).isTrue();
    assertThat(json.get("excess_m12").asDouble()).isEqualTo(301.5);
    assertThat(json.get("model_versions").get("nplm-kernel").asText()).isEqualTo("1");
    assertThat(record.timestamp()).isEqualTo(RESULT.windowEndMillis());
  }

  @Test
  void flinkSerializerRoundTripsWithoutKryo() throws Exception {
    SerializerConfigImpl config = new SerializerConfigImpl();
    config.setGenericTypes(false);
    TypeInformation<WindowResult> info = TypeInformation.of(WindowResult.class);
    TypeSerializer<WindowResult> serializer = info.createSerializer(config);

    DataOutputSerializer out = new DataOutputSerializer(256);
    serializer.serialize(RESULT, out);
    WindowResult back = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

    assertThat(info.isBasicType()).isFalse();
    assertThat(back).isEqualTo(RESULT);
  }

  @Test
  void theAlertHookParsesWhatTheJobWrites() throws Exception {
    ProducerRecord<byte[], byte[]> record =
        new WindowResultSerializationSchema("monitor.results").serialize(RESULT, null, null);
    io.trigmon.stream.alert.WindowResult parsed =
        io.trigmon.stream.alert.WindowResult.fromJson(
            new String(record.value(), StandardCharsets.UTF_8));

    assertThat(parsed.stream()).isEqualTo("DoubleMuon");
    assertThat(parsed.windowId()).isEqualTo("DoubleMuon@2026-03-01T00:00:00Z");
    assertThat(parsed.windowStart()).isEqualTo(RESULT.windowStartMillis());
    assertThat(parsed.windowEnd()).isEqualTo(RESULT.windowEndMillis());
    assertThat(parsed.nData()).isEqualTo(1000);
    assertThat(parsed.z()).isEqualTo(2.326);
    assertThat(parsed.nuHat()).containsEntry("scale-barrel", 0.2);
    assertThat(parsed.nEvents()).isEqualTo(1003);
    assertThat(parsed.nExpected()).isNull();
    assertThat(parsed.aeScoreQuantiles()).isEmpty();
    assertThat(parsed.excessM12()).isEqualTo(301.5);
  }

  @Test
  void theLivePageReadsAnUncalibratedResultAsNoZNotZeroAndItsScores() throws Exception {
    WindowResult uncalibrated =
        new WindowResult(
            "DoubleMuon",
            WindowResult.windowId("DoubleMuon", 1_772_323_200_000L),
            1_772_323_200_000L,
            1_772_323_210_000L,
            1003,
            1000,
            990.0,
            12.5,
            13.0,
            0.5,
            Map.of(),
            Map.of(),
            null,
            null,
            Map.of("q50", 0.7, "q90", 2.0, "q99", 4.5),
            null,
            Map.of());
    io.trigmon.stream.alert.WindowResult parsed =
        io.trigmon.stream.alert.WindowResult.fromJson(
            new String(
                WindowResultSerializationSchema.toJson(uncalibrated), StandardCharsets.UTF_8));

    assertThat(parsed.z()).isNaN();
    assertThat(parsed.p()).isNaN();
    assertThat(parsed.calibrated()).isFalse();
    assertThat(parsed.nExpected()).isEqualTo(990.0);
    assertThat(parsed.aeScoreQuantiles())
        .containsEntry("q50", 0.7)
        .containsEntry("q90", 2.0)
        .containsEntry("q99", 4.5);
    assertThat(parsed.excessM12()).isNull();
  }
}
