/**
 * The built-in live page (issue 7): for users without Grafana, one self-contained HTML page on
 * loopback that polls a small JSON endpoint fed from {@code monitor.results} (a bounded history of
 * window results per stream) and from the stream app's own ingest counters (event and dead-letter
 * rates). No external resources: the machines it runs on may be offline.
 */
package io.trigmon.stream.live;
