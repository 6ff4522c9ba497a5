package dev.pageevents.core.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.connect.connector.Connector;

/**
 * Writes a connector's configuration reference as Markdown, generated from its {@link ConfigDef} so
 * the documentation never drifts from the code. The build runs it for every plugin: {@code
 * ConfigReference <connector class> <output file>}.
 */
public final class ConfigReference {
  private ConfigReference() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: ConfigReference <connector class> <output file>");
    }
    Connector connector = (Connector) Class.forName(args[0]).getDeclaredConstructor().newInstance();
    Path out = Path.of(args[1]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, markdown(connector.getClass().getSimpleName(), connector.config()));
  }

  /**
   * The reference of one connector: a table per config group, in definition order, then the
   * deprecated names with the names that replace them.
   */
  public static String markdown(String title, ConfigDef def) {
    DeprecatedAliases aliases = DeprecatedAliases.in(def);
    Map<String, String> newByOld = aliases.newByOld();
    Map<String, List<ConfigKey>> groups = new LinkedHashMap<>();
    for (ConfigKey key : def.configKeys().values()) {
      if (newByOld.containsKey(key.name)) {
        continue;
      }
      String group = key.group == null ? "Other" : key.group;
      groups.computeIfAbsent(group, g -> new ArrayList<>()).add(key);
    }
    StringBuilder md = new StringBuilder();
    md.append("# ").append(title).append(" configuration\n\n");
    md.append("Generated from the connector's ConfigDef at build time.\n");
    groups.forEach(
        (group, keys) -> {
          md.append("\n## ").append(group).append("\n\n");
          md.append("| Name | Type | Default | Valid values | Importance | Description |\n");
          md.append("|---|---|---|---|---|---|\n");
          keys.sort((a, b) -> Integer.compare(a.orderInGroup, b.orderInGroup));
          keys.forEach(key -> md.append(row(key, aliases.oldNameOf(key.name))));
        });
    if (!newByOld.isEmpty()) {
      md.append("\n## Deprecated names\n\n");
      md.append(
          "Still accepted, with a warning in the worker log; giving both names with different"
              + " values is an error. They will be removed in a future major release.\n\n");
      md.append("| Deprecated name | Use instead |\n");
      md.append("|---|---|\n");
      def.configKeys().keySet().stream()
          .filter(newByOld::containsKey)
          .forEach(old -> md.append("| `%s` | `%s` |\n".formatted(old, newByOld.get(old))));
    }
    return md.toString();
  }

  private static String row(ConfigKey key, String oldName) {
    String defaultValue;
    if (!key.hasDefault()) {
      defaultValue = "*required*";
    } else if (key.type == ConfigDef.Type.PASSWORD) {
      defaultValue = "*hidden*";
    } else {
      defaultValue = "`" + ConfigDef.convertToString(key.defaultValue, key.type) + "`";
    }
    String valid = key.validator == null ? "" : key.validator.toString();
    String doc = key.documentation == null ? "" : key.documentation;
    if (oldName != null) {
      doc += " Formerly `" + oldName + "` (deprecated, still accepted).";
    }
    return "| `%s` | %s | %s | %s | %s | %s |\n"
        .formatted(
            key.name,
            key.type.name().toLowerCase(Locale.ROOT),
            defaultValue,
            cell(valid),
            key.importance.name().toLowerCase(Locale.ROOT),
            cell(doc));
  }

  private static String cell(String text) {
    return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
  }
}
