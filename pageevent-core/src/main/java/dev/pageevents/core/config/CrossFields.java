package dev.pageevents.core.config;

import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Fails a connector's start on settings that are valid one by one but not together (its config's
 * cross-field problems: setting name → what to fix), the way {@code validate()} shows them.
 */
public final class CrossFields {
  private CrossFields() {}

  /**
   * @throws ConfigException naming the setting of the first problem, with every problem's message;
   *     a secret's value is never shown
   */
  public static void require(AbstractConfig config, Map<String, String> problems) {
    if (problems.isEmpty()) {
      return;
    }
    String first = problems.keySet().iterator().next();
    String all =
        problems.entrySet().stream()
            .map(problem -> problem.getKey() + ": " + problem.getValue())
            .collect(Collectors.joining("; "));
    Object shown =
        config.typeOf(first) == Type.PASSWORD ? "[hidden]" : config.originals().get(first);
    throw new ConfigException(first, shown, all);
  }
}
