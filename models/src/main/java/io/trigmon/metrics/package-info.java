/**
 * The names an operator sees (DESIGN §7): every Prometheus metric trigmon exports ({@link
 * io.trigmon.metrics.TrigmonMetric}) and the ports of the {@code /metrics} endpoints ({@link
 * io.trigmon.metrics.MetricsEndpoints}). The stream app and the Flink monitor job register their
 * meters under these names, and the dashboards, alert rules and deployment files are tested against
 * them, so a renamed metric breaks a test instead of a dashboard. Plain constants: no Micrometer or
 * Flink here.
 */
package io.trigmon.metrics;
