package io.trigmon.flink.functions;

import io.trigmon.autoencoder.EventScorer;
import io.trigmon.event.DileptonFeatures;
import io.trigmon.event.Event;
import io.trigmon.event.EventValidator;
import io.trigmon.event.Validation;
import io.trigmon.flink.MonitorMetrics;
import io.trigmon.flink.MonitorModels;
import io.trigmon.flink.records.DeadLetter;
import io.trigmon.flink.records.RawRecord;
import io.trigmon.flink.records.ScoredEvent;
import java.nio.file.Path;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Decodes and validates each record ({@link EventValidator#decodeAndValidate(byte[])}) and reduces
 * a valid event to its {@link ScoredEvent}: NPLM dilepton features and, when the model directory
 * holds an autoencoder, its anomaly score from the plain-Java forward pass ({@link EventScorer},
 * one per parallel instance, opened in {@link #open(OpenContext)}; never a DJL call per event). A
 * record that does not decode or fails validation — which {@code events.valid} should never hold,
 * but a job must survive — goes to the {@link #DEAD_LETTERS} side output with its reason; it never
 * fails the job. Counts {@code trigmon_events_total} and {@code trigmon_dlq_events_total} (per
 * reason) in the operator's metric group.
 */
public final class DecodeAndScore extends ProcessFunction<RawRecord, ScoredEvent> {

  private final String models;
  private transient EventScorer scorer;

  /**
   * @param models the model directory; its {@code autoencoder/} is optional
   */
  public DecodeAndScore(String models) {
    this.models = models;
  }

  @Override
  public void open(OpenContext context) {
    scorer = MonitorModels.loadAutoencoder(Path.of(models)).map(m -> m.scorer(null)).orElse(null);
  }

  /** Records the job cannot use, bound for {@code events.dlq}. */
  public static final OutputTag<DeadLetter> DEAD_LETTERS =
      new OutputTag<>(
          "dead-letters",
          org.apache.flink.api.common.typeinfo.TypeInformation.of(DeadLetter.class));

  @Override
  public void processElement(RawRecord record, Context context, Collector<ScoredEvent> out) {
    Validation validation = EventValidator.decodeAndValidate(record.value());
    if (!validation.isValid()) {
      String reason = validation.reason().code();
      MonitorMetrics.deadLetter(reason);
      context.output(DEAD_LETTERS, new DeadLetter(reason, validation.summary(), record));
      return;
    }
    Event event = validation.validEvent();
    MonitorMetrics.event(event.stream());
    ScoredEvent scored = features(event, scorer == null ? Double.NaN : scorer.score(event));
    if (scorer != null) {
      MonitorMetrics.aeScore(scored.stream(), scored.aeScore());
    }
    out.collect(scored);
  }

  /** The event's window key, time and dilepton features, with its score. */
  static ScoredEvent features(Event event, double aeScore) {
    double[] dilepton =
        DileptonFeatures.of(event).map(DileptonFeatures::toArray).orElse(new double[0]);
    return new ScoredEvent(event.stream(), event.eventTimeNanos(), dilepton, aeScore);
  }
}
