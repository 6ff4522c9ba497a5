package dev.pageevents.configs;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The answer of {@code PUT /connector-plugins/<class>/config/validate}: how many errors, and the
 * error messages of each field that has any (sorted by field).
 */
public record ValidationResult(
    String connectorClass, int errorCount, Map<String, List<String>> errors) {
  public ValidationResult {
    errors = Collections.unmodifiableMap(new TreeMap<>(errors));
  }

  public boolean valid() {
    return errorCount == 0;
  }
}
