/**
 * Alert hooks (DESIGN §1, §7): a Kafka Streams topology on {@code monitor.results} that raises and
 * clears alerts with hysteresis, classifies them (anomaly, calibration drift, stale stream),
 * deduplicates them in a persistent state store and POSTs them, signed, to webhooks in the
 * Alertmanager webhook format.
 */
package io.trigmon.stream.alert;
