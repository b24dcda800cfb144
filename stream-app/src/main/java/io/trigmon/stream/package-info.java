/**
 * Kafka Streams applications around the monitor: ingest and validation of raw events, replay of
 * recorded streams, and the alert hooks on window results (DESIGN §1).
 */
package io.trigmon.stream;
