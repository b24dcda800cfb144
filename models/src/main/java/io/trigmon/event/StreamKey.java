package io.trigmon.event;

/**
 * The rule for stream (trigger path) keys. A stream key is the Kafka record key, the key of the
 * Flink windows and the {@code stream} label of every metric, so it is kept to 1–64 characters from
 * {@code [A-Za-z0-9_.:-]}: safe in a label, a topic key, a file name and a URL, and short enough
 * that a typo'd producer cannot blow up label cardinality with free text.
 */
public final class StreamKey {

  /** Longest stream key, in characters (all ASCII, so also in bytes). */
  public static final int MAX_LENGTH = 64;

  private StreamKey() {}

  /** Whether the key follows the rule. */
  public static boolean isValid(String key) {
    if (key == null || key.isEmpty() || key.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      if (!isAllowed(key.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAllowed(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '.'
        || c == ':'
        || c == '-';
  }
}
