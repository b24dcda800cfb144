package io.trigmon.cli;

import java.time.Duration;

/**
 * What a pipeline benchmark runs (see {@link BenchPipelineCommand} for each option).
 *
 * @param events events pre-loaded and read by the three throughput measurements
 * @param streams stream keys
 * @param windowEvents events per window per stream in the pre-loaded topic
 * @param dileptonFraction fraction of the events with a tested lepton pair
 * @param referenceEvents N_R of the NPLM reference
 * @param toys null toys of the calibration (0: none)
 * @param parallelism Flink parallelism, also the partitions of the event topics
 * @param liveDuration how long the latency stage produces at half the sustainable rate
 * @param backpressureDuration how long the overload stage produces at twice that rate; zero for no
 *     overload stage
 * @param outOfOrderness the monitor's out-of-orderness (watermark delay)
 * @param checkpointInterval checkpoint interval of the throughput jobs (b) and (c) (exactly-once
 *     results become visible at checkpoints)
 * @param latencyCheckpointInterval checkpoint interval of the live monitor (latency and overload
 *     stages): a result waits for the next checkpoint, so this bounds part of the latency
 * @param watermarkInterval the monitor's auto-watermark interval (how often the watermark advances)
 * @param profile whether to sample the monitor phase with Java Flight Recorder
 */
record PipelineBenchSettings(
    long events,
    int streams,
    int windowEvents,
    double dileptonFraction,
    int referenceEvents,
    int toys,
    int parallelism,
    Duration liveDuration,
    Duration backpressureDuration,
    Duration outOfOrderness,
    Duration checkpointInterval,
    Duration latencyCheckpointInterval,
    Duration watermarkInterval,
    boolean profile) {

  /** Dilepton events per pre-loaded window, N_D. */
  int windowDileptons() {
    return (int) Math.round(windowEvents * dileptonFraction);
  }

  boolean backpressure() {
    return !backpressureDuration.isZero();
  }
}
