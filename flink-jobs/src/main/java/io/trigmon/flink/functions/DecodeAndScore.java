package io.trigmon.flink.functions;

import io.trigmon.autoencoder.EventScorer;
import io.trigmon.autoencoder.FastAutoencoder;
import io.trigmon.event.DileptonFeatures;
import io.trigmon.event.Event;
import io.trigmon.event.EventValidator;
import io.trigmon.event.Validation;
import io.trigmon.flink.MonitorMetrics;
import io.trigmon.flink.MonitorModels;
import io.trigmon.flink.records.DeadLetter;
import io.trigmon.flink.records.RawRecord;
import io.trigmon.flink.records.ScoredEvent;
import io.trigmon.mlp.ForwardPasses;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;

/**
 * Decodes and validates each record ({@link EventValidator#decodeAndValidate(byte[])}) and reduces
 * a valid event to its {@link ScoredEvent}: NPLM dilepton features and, when the model directory
 * holds an autoencoder, its anomaly score from the DJL-free forward pass ({@link EventScorer}, one
 * per parallel instance, opened in {@link #open()}; never a DJL call): the Vector API one where the
 * TaskManager runs with {@code --add-modules jdk.incubator.vector}, else plain Java ({@link
 * ForwardPasses}, logged at open). A record that does not decode or fails validation — which {@code
 * events.valid} should never hold, but a job must survive — goes to the {@link #DEAD_LETTERS} side
 * output with its reason at once; it never fails the job. Counts {@code trigmon_events_total} and
 * {@code trigmon_dlq_events_total} (per reason).
 *
 * <p>With an autoencoder, valid events are scored in micro-batches ({@link
 * EventScorer#score(Event[], int, float[])}, cheaper per event than one at a time, and the same
 * scores bit for bit): they wait in a buffer of {@value #BATCH} events, which is scored and
 * emitted, in arrival order with each record's timestamp, when it is full, when a watermark arrives
 * (before it is forwarded), before a checkpoint barrier, at the end of the input, and at the latest
 * {@value #MAX_DELAY_MS} ms (processing time) after its first event. So nothing downstream sees a
 * different stream, only one delayed by at most that bound; event time is assigned downstream from
 * the events themselves. Without an autoencoder each event goes out at once.
 */
public final class DecodeAndScore extends AbstractStreamOperator<ScoredEvent>
    implements OneInputStreamOperator<RawRecord, ScoredEvent> {

  /** Events per micro-batch: one tile of the forward pass. */
  public static final int BATCH = FastAutoencoder.TILE;

  /** Longest time an event waits in a partly filled micro-batch, in milliseconds. */
  public static final long MAX_DELAY_MS = 50;

  /** Records the job cannot use, bound for {@code events.dlq}. */
  public static final OutputTag<DeadLetter> DEAD_LETTERS =
      new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class));

  /** The features of an event without a lepton pair: none (shared, as it cannot change). */
  private static final double[] NO_PAIR = new double[0];

  private final String models;
  private transient EventScorer scorer;
  private transient Event[] events;
  private transient long[] timestamps;
  private transient boolean[] timestamped;
  private transient float[] scores;
  private transient int buffered;
  private transient long batchNumber; // tells a due timer whether its batch is still waiting

  /**
   * @param models the model directory; its {@code autoencoder/} is optional
   */
  public DecodeAndScore(String models) {
    this.models = models;
  }

  @Override
  public void open() throws Exception {
    super.open();
    scorer = MonitorModels.loadAutoencoder(Path.of(models)).map(m -> m.scorer(null)).orElse(null);
    if (scorer != null) {
      LOG.info("autoencoder scoring: {}", ForwardPasses.selected());
    }
    events = new Event[BATCH];
    timestamps = new long[BATCH];
    timestamped = new boolean[BATCH];
    scores = new float[BATCH];
  }

  @Override
  public void processElement(StreamRecord<RawRecord> record) {
    Validation validation = EventValidator.decodeAndValidate(record.getValue().value());
    if (!validation.isValid()) {
      String reason = validation.reason().code();
      MonitorMetrics.deadLetter(reason);
      output.collect(
          DEAD_LETTERS,
          copyTime(record, new DeadLetter(reason, validation.summary(), record.getValue())));
      return;
    }
    Event event = validation.validEvent();
    MonitorMetrics.event(event.stream());
    if (scorer == null) {
      output.collect(copyTime(record, features(event, Float.NaN)));
      return;
    }
    events[buffered] = event;
    timestamps[buffered] = record.getTimestamp();
    timestamped[buffered] = record.hasTimestamp();
    buffered++;
    if (buffered == 1) {
      long batch = batchNumber;
      getProcessingTimeService()
          .registerTimer(
              getProcessingTimeService().getCurrentProcessingTime() + MAX_DELAY_MS,
              time -> {
                if (batchNumber == batch) {
                  flush();
                }
              });
    }
    if (buffered == BATCH) {
      flush();
    }
  }

  @Override
  public void processWatermark(Watermark mark) throws Exception {
    flush();
    super.processWatermark(mark);
  }

  @Override
  public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
    flush(); // events before the barrier belong to this checkpoint's side of the stream
    super.prepareSnapshotPreBarrier(checkpointId);
  }

  @Override
  public void finish() throws Exception {
    flush();
    super.finish();
  }

  /** Scores the buffered events and emits them in arrival order. */
  private void flush() {
    if (buffered == 0) {
      return;
    }
    scorer.score(events, buffered, scores);
    for (int e = 0; e < buffered; e++) {
      ScoredEvent scored = features(events[e], scores[e]);
      MonitorMetrics.aeScore(scored.stream(), scored.aeScore());
      output.collect(
          timestamped[e] ? new StreamRecord<>(scored, timestamps[e]) : new StreamRecord<>(scored));
      events[e] = null;
    }
    buffered = 0;
    batchNumber++;
  }

  private static <T> StreamRecord<T> copyTime(StreamRecord<?> from, T value) {
    return from.hasTimestamp()
        ? new StreamRecord<>(value, from.getTimestamp())
        : new StreamRecord<>(value);
  }

  /** The event's window key, time and dilepton features, with its score. */
  static ScoredEvent features(Event event, float aeScore) {
    Optional<DileptonFeatures> pair = DileptonFeatures.of(event);
    double[] dilepton = pair.isPresent() ? pair.get().toArray() : NO_PAIR;
    return new ScoredEvent(event.stream(), event.eventTimeNanos(), dilepton, aeScore);
  }
}
