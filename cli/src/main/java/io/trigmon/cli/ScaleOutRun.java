package io.trigmon.cli;

/**
 * One run of the scale-out benchmark: the monitor job at one parallelism over the same pre-loaded
 * stream.
 *
 * @param parallelism job parallelism (one TaskManager slot per subtask)
 * @param events events in the windows that were reported
 * @param windows window results (NPLM tests) expected and received
 * @param runningToLastMillis from all tasks running to the arrival of the last window result
 * @param firstToLastMillis from the arrival of the first window result to the last
 * @param checkpointBytes the largest checkpoint of the run (all operator state), bytes
 */
record ScaleOutRun(
    int parallelism,
    long events,
    int windows,
    long runningToLastMillis,
    long firstToLastMillis,
    long checkpointBytes) {

  /** Events per second, from all tasks running to the last result (includes start-up). */
  double eventsPerSecond() {
    return events / (runningToLastMillis / 1e3);
  }

  /** NPLM window tests per second over the same span. */
  double testsPerSecond() {
    return windows / (runningToLastMillis / 1e3);
  }
}
