package dev.pageevents.core.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Old setting names that still work after a rename. Each old name is defined in the connector's
 * {@link ConfigDef} as a deprecated key (so {@code /validate} and the configuration reference show
 * it, with the name to use instead); its value is read as the new setting's when that one is not
 * given, with a warning in the worker log. Both given with different values is an error on the old
 * name.
 */
public final class DeprecatedAliases {
  private static final Logger log = LoggerFactory.getLogger(DeprecatedAliases.class);

  /** Orders the deprecated keys after the settings of their group, in the same order. */
  private static final int ORDER_OFFSET = 1_000;

  private final Map<String, String> newByOld;

  private DeprecatedAliases(Map<String, String> newByOld) {
    this.newByOld = newByOld;
  }

  /**
   * Defines {@code oldName} as a deprecated alias of {@code newName}, which must already be defined
   * in {@code def}: same type, group and width, no default and no validator of its own (the new
   * setting's validator checks the value).
   */
  public static ConfigDef alias(ConfigDef def, String oldName, String newName) {
    ConfigKey target = def.configKeys().get(newName);
    if (target == null) {
      throw new IllegalArgumentException(newName + " must be defined before its alias " + oldName);
    }
    return def.define(
        oldName,
        target.type,
        null,
        null,
        Importance.LOW,
        "Deprecated: the former name of "
            + newName
            + ", still read when "
            + newName
            + " is not set. Use "
            + newName
            + " instead.",
        target.group,
        ORDER_OFFSET + target.orderInGroup,
        target.width,
        target.displayName + " (deprecated name)",
        new AliasOf(newName));
  }

  /** The aliases defined in {@code def}. */
  public static DeprecatedAliases in(ConfigDef def) {
    Map<String, String> newByOld = new LinkedHashMap<>();
    def.configKeys()
        .values()
        .forEach(
            key -> {
              if (key.recommender instanceof AliasOf alias) {
                newByOld.put(key.name, alias.newName);
              }
            });
    return new DeprecatedAliases(newByOld);
  }

  /** Old name → new name, in definition order. */
  public Map<String, String> newByOld() {
    return Map.copyOf(newByOld);
  }

  /** The old name of {@code newName}, or null if it has none. */
  public String oldNameOf(String newName) {
    return newByOld.entrySet().stream()
        .filter(e -> e.getValue().equals(newName))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(null);
  }

  /**
   * The settings under their current names ({@link #renamed}), logging a warning that names the old
   * and the new name of each old name given.
   *
   * @throws ConfigException on the old name, when both names are given with different values
   */
  public <V> Map<String, V> resolve(Map<String, V> props) {
    Map<String, String> conflicts = conflicts(props);
    if (!conflicts.isEmpty()) {
      Map.Entry<String, String> first = conflicts.entrySet().iterator().next();
      throw new ConfigException(first.getKey(), "[hidden]", first.getValue());
    }
    newByOld.forEach(
        (oldName, newName) -> {
          if (props.containsKey(oldName)) {
            log.warn(
                "Connector {}: setting '{}' is deprecated and will be removed in a future release;"
                    + " its value is used as '{}'. Rename it to '{}' in the connector config.",
                props.get("name"),
                oldName,
                newName,
                newName);
          }
        });
    return renamed(props);
  }

  /** The settings with each old name given replaced by its new name, unless that one is given. */
  public <V> Map<String, V> renamed(Map<String, V> props) {
    Map<String, V> renamed = new HashMap<>(props);
    newByOld.forEach(
        (oldName, newName) -> {
          if (renamed.containsKey(oldName)) {
            V value = renamed.remove(oldName);
            renamed.putIfAbsent(newName, value);
          }
        });
    return renamed;
  }

  /**
   * The settings as {@code /validate} checks them: every name given stays, and the new name of an
   * old one given alone carries its value, so the new setting's validator checks it.
   */
  public Map<String, String> withNewNames(Map<String, String> props) {
    Map<String, String> view = new HashMap<>(props);
    newByOld.forEach(
        (oldName, newName) -> {
          if (props.containsKey(oldName)) {
            view.putIfAbsent(newName, props.get(oldName));
          }
        });
    return view;
  }

  /** Old name → what to fix, for each old name given together with its new name, differently. */
  public Map<String, String> conflicts(Map<String, ?> props) {
    Map<String, String> conflicts = new LinkedHashMap<>();
    newByOld.forEach(
        (oldName, newName) -> {
          if (props.containsKey(oldName)
              && props.containsKey(newName)
              && !Objects.equals(
                  String.valueOf(props.get(oldName)), String.valueOf(props.get(newName)))) {
            conflicts.put(
                oldName,
                oldName
                    + " is the deprecated name of "
                    + newName
                    + " and both are set, differently: remove "
                    + oldName);
          }
        });
    return conflicts;
  }

  /**
   * Marks a key as the deprecated name of another, and shows it in {@code /validate} only when it
   * is set.
   */
  static final class AliasOf implements ConfigDef.Recommender {
    private final String newName;

    AliasOf(String newName) {
      this.newName = newName;
    }

    @Override
    public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
      return new ArrayList<>();
    }

    @Override
    public boolean visible(String name, Map<String, Object> parsedConfig) {
      return parsedConfig.get(name) != null;
    }
  }
}
