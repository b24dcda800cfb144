package io.trigmon.stream;

/** A configuration value that cannot be used; the message names the key. */
public final class ConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String key, String problem) {
    super("configuration key '" + key + "': " + problem);
  }
}
