/**
 * Ingest (DESIGN §1, §2): {@code events.raw} → decode and validate → {@code events.valid} with
 * canonical bytes keyed by stream, everything else → {@code events.dlq} with the original bytes and
 * the reason in headers, counted per reason.
 */
package io.trigmon.stream.ingest;
