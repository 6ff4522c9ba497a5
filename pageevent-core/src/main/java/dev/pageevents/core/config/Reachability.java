package dev.pageevents.core.config;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;

/**
 * The "can I reach the store with these settings?" part of a connector's {@code validate()}: runs a
 * probe only when every field is valid on its own, and reports a failure on the field a person
 * should look at first, so the REST {@code /validate} endpoint shows it there.
 */
public final class Reachability {

  /** Connects to the store and fails with the store's own error if it cannot. */
  @FunctionalInterface
  public interface Probe {
    void run() throws Exception;
  }

  /** A failed probe as a person should see it: the field to fix and what to tell them. */
  public record Failure(String field, String message) {}

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
      Failure failure = diagnosis.of(e);
      for (ConfigValue value : result.configValues()) {
        if (value.name().equals(failure.field())) {
          value.addErrorMessage(failure.message());
        }
      }
    }
    return result;
  }
}
