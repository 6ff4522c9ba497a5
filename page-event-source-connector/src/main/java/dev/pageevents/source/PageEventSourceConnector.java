package dev.pageevents.source;

import dev.pageevents.core.Version;
import dev.pageevents.core.config.CrossFields;
import dev.pageevents.source.PageEventSourceConfig.Mode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * Writes page events to Kafka from a deterministic generator, an HTTP endpoint or NDJSON files.
 * Generator and file mode replay exactly from their source offsets, so they support exactly-once
 * delivery (KIP-618); HTTP mode cannot replay what a client sent, so it does not.
 */
public class PageEventSourceConnector extends SourceConnector {
  private Map<String, String> props;

  @Override
  public String version() {
    return Version.get();
  }

  /** Parses the settings and fails on their cross-field problems, naming the setting to fix. */
  @Override
  public void start(Map<String, String> props) {
    PageEventSourceConfig config = new PageEventSourceConfig(props);
    CrossFields.require(config, config.crossFieldProblems());
    this.props = Map.copyOf(props);
  }

  @Override
  public Class<? extends Task> taskClass() {
    return PageEventSourceTask.class;
  }

  /** Generator and file work spreads over all tasks; one HTTP port serves one task. */
  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    Mode mode = new PageEventSourceConfig(props).mode();
    int count = mode == Mode.HTTP ? 1 : maxTasks;
    List<Map<String, String>> configs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Map<String, String> task = new HashMap<>(props);
      task.put(PageEventSourceConfig.TASK_INDEX_CONFIG, Integer.toString(i));
      task.put(PageEventSourceConfig.TASK_COUNT_CONFIG, Integer.toString(count));
      configs.add(task);
    }
    return configs;
  }

  @Override
  public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
    String mode = connectorConfig.getOrDefault(PageEventSourceConfig.MODE_CONFIG, "generator");
    return Mode.HTTP.name().equalsIgnoreCase(mode.trim())
        ? ExactlyOnceSupport.UNSUPPORTED
        : ExactlyOnceSupport.SUPPORTED;
  }

  /**
   * The per-setting validation, then (when each setting is valid) the config's cross-field problems
   * and the checks on this worker's machine ({@link ConfigChecks}), each on its setting.
   */
  @Override
  public Config validate(Map<String, String> connectorConfigs) {
    Config config = super.validate(connectorConfigs);
    if (config.configValues().stream().anyMatch(v -> !v.errorMessages().isEmpty())) {
      return config;
    }
    new PageEventSourceConfig(connectorConfigs)
        .crossFieldProblems()
        .forEach(
            (name, message) ->
                config.configValues().stream()
                    .filter(value -> value.name().equals(name))
                    .forEach(value -> value.addErrorMessage(message)));
    ConfigChecks.check(config);
    return config;
  }

  @Override
  public void stop() {}

  @Override
  public ConfigDef config() {
    return PageEventSourceConfig.CONFIG_DEF;
  }
}
