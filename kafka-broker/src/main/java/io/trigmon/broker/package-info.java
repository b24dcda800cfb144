/**
 * A real single-node Apache Kafka broker (KRaft, broker and controller in one process) for tests,
 * the {@code trigmon kafka} command and the embedded default run (DESIGN §8).
 *
 * <p>The broker runs in a child JVM started from the Maven artifacts: {@code kafka_2.13}, Scala and
 * the broker's logging never reach the caller's classpath (they are {@code provided} dependencies
 * of this module, and their classpath is written at build time into {@code broker.classpath}). The
 * only dependency users of this package get is {@code kafka-clients}.
 *
 * <p>Entry points: {@link io.trigmon.broker.KafkaBroker#start(BrokerSettings)} and, for other
 * modules' JUnit 5 tests, {@link io.trigmon.broker.KafkaBrokerExtension}.
 */
package io.trigmon.broker;
