/**
 * What flows through the monitor job and how it is (de)serialised: raw Kafka records in, decoded
 * and scored events, dead letters for {@code events.dlq} and window results for {@code
 * monitor.results} (DESIGN §1, §7). Every type here has Flink type information that needs no Kryo
 * fallback.
 */
package io.trigmon.flink.records;
