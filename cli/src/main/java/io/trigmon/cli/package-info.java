/**
 * The {@code trigmon} command line: one picocli command per tool (simulate, kafka, nplm, ae,
 * replay, monitor, demo, validate, bench), each with {@code --help} and examples.
 */
package io.trigmon.cli;
