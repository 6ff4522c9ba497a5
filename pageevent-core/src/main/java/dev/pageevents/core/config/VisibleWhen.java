package dev.pageevents.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.types.Password;

/**
 * A recommender for a setting that only matters when another one has a given value: {@code
 * /validate} (and tools built on it) shows the setting as not visible otherwise. It never restricts
 * the value; a combination that cannot work is a cross-field problem of the config.
 */
public final class VisibleWhen implements ConfigDef.Recommender {
  private final String other;
  private final Predicate<Object> test;

  private VisibleWhen(String other, Predicate<Object> test) {
    this.other = other;
    this.test = test;
  }

  /** Visible when {@code other} equals {@code value} (as text, ignoring case). */
  public static VisibleWhen equalTo(String other, Object value) {
    return new VisibleWhen(other, v -> v != null && text(v).equalsIgnoreCase(text(value)));
  }

  /** Visible when {@code other} is set to a non-blank value. */
  public static VisibleWhen set(String other) {
    return new VisibleWhen(other, v -> v != null && !text(v).isBlank());
  }

  /** Visible when {@code other} is not set, or blank. */
  public static VisibleWhen notSet(String other) {
    return new VisibleWhen(other, v -> v == null || text(v).isBlank());
  }

  @Override
  public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
    return new ArrayList<>();
  }

  @Override
  public boolean visible(String name, Map<String, Object> parsedConfig) {
    return test.test(parsedConfig.get(other));
  }

  private static String text(Object value) {
    return value instanceof Password password
        ? String.valueOf(password.value())
        : String.valueOf(value).trim();
  }
}
