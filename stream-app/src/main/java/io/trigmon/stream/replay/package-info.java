/**
 * Replay of recorded streams into {@code events.raw} keeping event time (DESIGN §2), and topic
 * dumps: the file format that {@code trigmon record} writes and {@code trigmon replay} reads.
 */
package io.trigmon.stream.replay;
