package dev.pageevents.core.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;

/**
 * The "can I reach the store with these settings?" part of a connector's {@code validate()}: runs a
 * probe only when every field is valid on its own, and reports a failure on the field a person
 * should look at first, so the REST {@code /validate} endpoint shows it there. A probe that fails
 * on a setting ({@link ConfigException} "for configuration X") is reported on X; messages are
 * stripped of exception class names, which mean nothing to the person fixing the config.
 */
public final class Reachability {
  private static final Pattern SETTING =
      Pattern.compile("^Invalid value .* for configuration ([\\w.]+): (.*)$", Pattern.DOTALL);
  private static final Pattern CLASS_NAME =
      Pattern.compile(
          "(?:[a-z_][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error): ?"
              + "| ?\\((?:[a-z_][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)\\)");

  /** Connects to the store and fails with the store's own error if it cannot. */
  @FunctionalInterface
  public interface Probe {
    void run() throws Exception;
  }

  /** A failed probe as a person should see it: the field to fix and what to tell them. */
  public record Failure(String field, String message) {
    /**
     * Refused credentials, reported on the password setting; anything else, on the address.
     *
     * @param refused whether the store refused the credentials
     * @param store the store's name, e.g. "Redis"
     * @param addressHint the settings that decide whether the store is reached, e.g. "URI, TLS"
     * @param detail what the client said
     */
    public static Failure credentialsOrAddress(
        boolean refused,
        String store,
        String usernameField,
        String passwordField,
        String addressField,
        String addressHint,
        String detail) {
      if (refused) {
        return new Failure(
            passwordField,
            store
                + " refused the credentials; check "
                + usernameField
                + " and "
                + passwordField
                + ": "
                + detail);
      }
      return new Failure(
          addressField,
          "Cannot reach " + store + " with these settings (" + addressHint + "): " + detail);
    }
  }

  /** Turns a probe's exception into the field and message to report it with. */
  @FunctionalInterface
  public interface Diagnosis {
    Failure of(Exception e);
  }

  private Reachability() {}

  /**
   * @param result the per-field validation of the connector's ConfigDef
   * @param field where to report a failure, e.g. the URI or hosts setting
   * @param settings the settings involved, named in the message
   */
  public static Config check(Config result, String field, String settings, Probe probe) {
    return check(
        result,
        probe,
        e ->
            new Failure(
                field,
                "Cannot reach the store with these settings ("
                    + settings
                    + "): "
                    + e.getMessage()));
  }

  /**
   * Like {@link #check(Config, String, String, Probe)}, for stores whose failures belong on
   * different fields (e.g. credentials vs hosts) or want a store-specific message.
   */
  public static Config check(Config result, Probe probe, Diagnosis diagnosis) {
    boolean valid =
        result.configValues().stream().allMatch(value -> value.errorMessages().isEmpty());
    if (!valid) {
      return result;
    }
    try {
      probe.run();
    } catch (Exception e) {
      Failure failure = onSetting(e, result);
      report(result, failure == null ? diagnosis.of(e) : failure);
    }
    return result;
  }

  private static void report(Config result, Failure failure) {
    for (ConfigValue value : result.configValues()) {
      if (value.name().equals(failure.field())) {
        value.addErrorMessage(withoutClassNames(failure.message()));
      }
    }
  }

  /**
   * Shows an error that reading the settings together raised (e.g. a file that one strategy needs)
   * on the setting it names, as a failed probe would be.
   *
   * @throws ConfigException the error itself when it names none of the connector's settings
   */
  public static Config onSetting(Config result, ConfigException error) {
    Failure failure = onSetting(error, result);
    if (failure == null) {
      throw error;
    }
    report(result, failure);
    return result;
  }

  /**
   * A failure on the setting a {@link ConfigException} in the chain names, if it is one of ours.
   */
  private static Failure onSetting(Throwable error, Config result) {
    for (Throwable e = error; e != null; e = e.getCause()) {
      if (e instanceof ConfigException && e.getMessage() != null) {
        Matcher m = SETTING.matcher(e.getMessage());
        if (m.matches()
            && result.configValues().stream().anyMatch(v -> v.name().equals(m.group(1)))) {
          return new Failure(m.group(1), m.group(2));
        }
      }
    }
    return null;
  }

  /**
   * The message without "com.x.FooException: " prefixes and "(com.x.FooException)" mentions, which
   * read like a stack trace.
   */
  static String withoutClassNames(String message) {
    return message == null ? "" : CLASS_NAME.matcher(message).replaceAll("");
  }
}
