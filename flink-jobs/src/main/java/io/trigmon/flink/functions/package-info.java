/**
 * The operators of the monitor job, one named class each: decoding with a dead-letter side output,
 * event-time extraction, keying by stream, the window trigger and the windowed NPLM test.
 */
package io.trigmon.flink.functions;
