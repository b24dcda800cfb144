/**
 * JMH benchmarks of the hot paths — the event codec (with a byte-copy baseline), the autoencoder
 * scorers, and the kernel NPLM's prepare-once and per-window cost versus N_D, N_R and M — and
 * {@link io.trigmon.benchmarks.JmhReport}, which turns JMH's JSON into {@code reports/bench/jmh.md}
 * and a PNG. Run with {@code benchmarks/run.sh [--quick|--full]} or {@code ./trigmon bench jmh};
 * the raw result stays in {@code benchmarks/target/jmh-result.json}.
 */
package io.trigmon.benchmarks;
