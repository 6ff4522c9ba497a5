package dev.pageevents.core.config;

import org.apache.kafka.common.config.ConfigDef;

/**
 * A {@link ConfigDef.Validator} made of a check and the phrase that describes the valid values
 * (Connect shows it in the generated configuration reference, as the validator's {@code toString}).
 */
public final class DescribedValidator implements ConfigDef.Validator {
  /** Throws a {@link org.apache.kafka.common.config.ConfigException} naming the setting. */
  @FunctionalInterface
  public interface Check {
    void ensureValid(String name, Object value);
  }

  private final String validValues;
  private final Check check;

  private DescribedValidator(String validValues, Check check) {
    this.validValues = validValues;
    this.check = check;
  }

  /**
   * @param validValues what a valid value looks like, e.g. "host or host:port, comma-separated"
   * @param check throws a ConfigException for an invalid value
   */
  public static ConfigDef.Validator of(String validValues, Check check) {
    return new DescribedValidator(validValues, check);
  }

  @Override
  public void ensureValid(String name, Object value) {
    check.ensureValid(name, value);
  }

  @Override
  public String toString() {
    return validValues;
  }
}
