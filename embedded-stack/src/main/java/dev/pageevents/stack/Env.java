package dev.pageevents.stack;

/** Environment variables that replace an embedded server by an external one. */
final class Env {
  private Env() {}

  /** The variable's value, or null when unset or blank. */
  static String get(String name) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** The variable's value, or a clear failure saying what to set. */
  static String require(String name, String hint) {
    String value = get(name);
    if (value == null) {
      throw new IllegalStateException("Environment variable " + name + " is not set: " + hint);
    }
    return value;
  }
}
