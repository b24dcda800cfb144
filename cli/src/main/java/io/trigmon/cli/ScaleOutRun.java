package io.trigmon.cli;

/**
 * One run of the scale-out benchmark: the monitor job at one parallelism over the same pre-loaded
 * stream.
 *
 * @param parallelism job parallelism (one TaskManager slot per subtask)
 * @param events events in the windows that were reported
 * @param windows window results (NPLM tests) expected and received
 * @param sentToLastMillis from the first event sent (to the running job) to the arrival of the last
 *     window result
 * @param sendMillis how long sending the stream took (an upper bound of the reachable rate)
 * @param firstToLastMillis from the arrival of the first window result to the last
 * @param checkpointBytes the largest checkpoint of the run (all operator state), bytes
 */
record ScaleOutRun(
    int parallelism,
    long events,
    int windows,
    long sentToLastMillis,
    long sendMillis,
    long firstToLastMillis,
    long checkpointBytes) {

  /** Events per second, from the first event sent to the last result. */
  double eventsPerSecond() {
    return events / (sentToLastMillis / 1e3);
  }

  /** NPLM window tests per second over the same span. */
  double testsPerSecond() {
    return windows / (sentToLastMillis / 1e3);
  }
}
