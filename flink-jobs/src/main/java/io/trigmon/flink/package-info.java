/**
 * The Flink monitor job: event-time windows of scored events tested against the reference with the
 * NPLM test; results to Kafka, metrics and dashboards (DESIGN §1, §6).
 */
package io.trigmon.flink;
