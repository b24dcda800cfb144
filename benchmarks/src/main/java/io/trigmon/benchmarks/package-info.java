/**
 * JMH benchmarks of the hot paths, run with {@code ./mvnw -B -Pbench -pl benchmarks -am package
 * -DskipTests} (results also in {@code benchmarks/target/jmh-result.json}).
 */
package io.trigmon.benchmarks;
