package dev.pageevents.core.sink;

import dev.pageevents.core.Version;
import dev.pageevents.core.config.DeprecatedAliases;
import dev.pageevents.core.config.OffsetReset;
import dev.pageevents.core.config.PageEventSinkConfig;
import dev.pageevents.core.config.Reachability;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connector side every sink of the pack shares: checks the config at start, gives each task a
 * copy of it with its task number, and answers offset changes through the REST API as the sink's
 * {@code offsets.reset} says, and opens {@link #validate} the same way for every store. A sink
 * names its config and task, says how to reach its store and how to clear its read model.
 *
 * @param <C> the sink's config class
 */
public abstract class PageEventSinkConnector<C extends PageEventSinkConfig> extends SinkConnector {
  private static final Logger log = LoggerFactory.getLogger(PageEventSinkConnector.class);
  private final ConfigDef definition;
  private final Class<? extends Task> taskClass;
  private final Function<Map<String, String>, C> parser;
  private Map<String, String> props;

  /**
   * @param definition the sink's settings
   * @param taskClass the sink's task
   * @param parser parses the settings, failing with a per-setting message when they are wrong
   */
  protected PageEventSinkConnector(
      ConfigDef definition,
      Class<? extends Task> taskClass,
      Function<Map<String, String>, C> parser) {
    this.definition = definition;
    this.taskClass = taskClass;
    this.parser = parser;
  }

  /**
   * Connects to the store with these settings and fails with the store's own error if it cannot;
   * run by {@link #validate} only when every setting is valid.
   *
   * @param config the parsed settings
   * @param props the same settings as given (deprecated names under their new ones), for a probe
   *     that shortens their timeouts
   */
  protected abstract void probe(C config, Map<String, String> props) throws Exception;

  /** Names the setting to fix, and what to tell the person, for an error {@link #probe} raised. */
  protected abstract Reachability.Failure diagnose(C config, Exception e);

  /**
   * Removes everything this connector wrote to its store, data and stored offsets, so that a replay
   * of the topic rebuilds it. Called by {@link #alterOffsets} with {@code offsets.reset=rebuild},
   * while the connector is stopped.
   *
   * @param config the connector's config
   * @throws Exception anything the store raised; the offsets then stay as they were
   */
  protected abstract void clearReadModel(C config) throws Exception;

  /**
   * Answers {@code DELETE} / {@code PATCH /connectors/<name>/offsets} (KIP-875) as {@code
   * offsets.reset} says: applies them, clears the read model first ({@code rebuild}), or refuses
   * with a message that says what to do.
   */
  @Override
  public boolean alterOffsets(
      Map<String, String> connectorConfig, Map<TopicPartition, Long> offsets) {
    C config = parser.apply(connectorConfig);
    String name = config.connectorName();
    if (config.offsetReset().decide(name, offsets) == OffsetReset.Action.CLEAR_THEN_APPLY) {
      log.info("Clearing the read model of connector {} before its offsets are reset", name);
      try {
        clearReadModel(config);
      } catch (Exception e) {
        throw new ConnectException(
            "Could not clear the store of connector '"
                + name
                + "' for a rebuild; its offsets are unchanged and the store may be partly"
                + " cleared: reset the offsets again before resuming it: "
                + e,
            e);
      }
      log.info("Cleared the read model of connector {}; Connect replays the topic", name);
    }
    return true;
  }

  /**
   * The per-setting validation of the ConfigDef, with a deprecated name's value checked under its
   * new name (a deprecated name given alone is no error: the configuration reference and the key's
   * documentation in this answer say it is deprecated, the worker log warns); an error on a
   * deprecated name given with its new name, differently. When every setting is valid on its own,
   * then the config's {@link PageEventSinkConfig#crossFieldProblems} and, if those pass too, the
   * sink's {@link #probe} through {@link Reachability}, each shown on the setting to fix.
   */
  @Override
  public Config validate(Map<String, String> connectorConfigs) {
    DeprecatedAliases aliases = DeprecatedAliases.in(definition);
    Config result = super.validate(aliases.withNewNames(connectorConfigs));
    Map<String, ConfigValue> values = new HashMap<>();
    result.configValues().forEach(value -> values.put(value.name(), value));
    aliases
        .conflicts(connectorConfigs)
        .forEach((name, message) -> values.get(name).addErrorMessage(message));
    if (result.configValues().stream().anyMatch(v -> !v.errorMessages().isEmpty())) {
      return result;
    }
    C config;
    try {
      config = parser.apply(connectorConfigs);
    } catch (ConfigException e) {
      return Reachability.onSetting(result, e);
    }
    config
        .crossFieldProblems()
        .forEach((name, message) -> values.get(name).addErrorMessage(message));
    Map<String, String> current = aliases.renamed(connectorConfigs);
    return Reachability.check(result, () -> probe(config, current), e -> diagnose(config, e));
  }

  /** Parses the settings and fails on their cross-field problems, naming the setting to fix. */
  @Override
  public void start(Map<String, String> props) {
    parser.apply(props).checkCrossFields();
    this.props = Map.copyOf(props);
  }

  @Override
  public Class<? extends Task> taskClass() {
    return taskClass;
  }

  @Override
  public ConfigDef config() {
    return definition;
  }

  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    List<Map<String, String>> configs = new ArrayList<>(maxTasks);
    for (int task = 0; task < maxTasks; task++) {
      Map<String, String> config = new HashMap<>(props);
      config.put(PageEventSinkConfig.TASK_ID_CONFIG, Integer.toString(task));
      configs.add(config);
    }
    return configs;
  }

  @Override
  public void stop() {
    props = null;
  }

  @Override
  public String version() {
    return Version.get();
  }
}
