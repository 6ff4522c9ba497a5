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

  private Reachability() {}

  /**
   * @param result the per-field validation of the connector's ConfigDef
   * @param field where to report a failure, e.g. the URI or hosts setting
   * @param settings the settings involved, named in the message
   */
  public static Config check(Config result, String field, String settings, Probe probe) {
    boolean valid =
        result.configValues().stream().allMatch(value -> value.errorMessages().isEmpty());
    if (!valid) {
      return result;
    }
    try {
      probe.run();
    } catch (Exception e) {
      for (ConfigValue value : result.configValues()) {
        if (value.name().equals(field)) {
          value.addErrorMessage(
              "Cannot reach the store with these settings (" + settings + "): " + e.getMessage());
        }
      }
    }
    return result;
  }
}
