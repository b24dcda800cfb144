package io.trigmon.stream.ingest;

import io.trigmon.stream.StreamTopics;
import java.util.Map;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * The ingest topology (DESIGN §1): {@code events.raw} → {@link IngestProcessor} → {@code
 * events.valid} or {@code events.dlq}.
 *
 * <p>{@link #buildTopology(StreamsBuilder)} only wires; the application's configuration is {@link
 * io.trigmon.stream.StreamApp#streamsConfig}, so tests drive this very topology with a {@code
 * TopologyTestDriver}. A tombstone (null value) is a bad record too (reason {@code empty}): it is
 * not dropped silently.
 */
public final class IngestTopology {

  private final IngestMetrics metrics;

  public IngestTopology(IngestMetrics metrics) {
    this.metrics = metrics;
  }

  /** Adds the ingest processors to the builder. */
  public void buildTopology(StreamsBuilder builder) {
    Map<String, KStream<byte[], IngestOutcome>> routed =
        builder.stream(StreamTopics.EVENTS_RAW.name(), StreamTopics.EVENTS_RAW.consumed())
            .process(() -> new IngestProcessor(metrics), Named.as("ingest-validate"))
            .split(Named.as("ingest-"))
            .branch((key, outcome) -> outcome.valid(), Branched.as("valid"))
            .defaultBranch(Branched.as("dlq"));
    routed
        .get("ingest-valid")
        .mapValues(IngestOutcome::bytes, Named.as("ingest-valid-bytes"))
        .to(StreamTopics.EVENTS_VALID.name(), StreamTopics.EVENTS_VALID.produced());
    routed
        .get("ingest-dlq")
        .mapValues(IngestOutcome::bytes, Named.as("ingest-dlq-bytes"))
        .to(StreamTopics.EVENTS_DLQ.name(), StreamTopics.EVENTS_DLQ.produced());
  }
}
