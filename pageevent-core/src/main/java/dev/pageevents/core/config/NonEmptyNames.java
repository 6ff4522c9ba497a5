package dev.pageevents.core.config;

import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Validates a list of field names: at least one, none blank. */
public final class NonEmptyNames implements ConfigDef.Validator {

  @Override
  public void ensureValid(String name, Object value) {
    List<?> names = (List<?>) value;
    if (names == null || names.isEmpty()) {
      throw new ConfigException(
          name, value, "Give at least one field name, e.g. " + name + "=page");
    }
    for (Object each : names) {
      if (each == null || each.toString().isBlank()) {
        throw new ConfigException(name, value, "Field names must not be blank");
      }
    }
  }

  @Override
  public String toString() {
    return "one or more field names, comma-separated";
  }
}
