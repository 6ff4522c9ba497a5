package dev.pageevents.core.sink;

import dev.pageevents.core.Version;
import dev.pageevents.core.config.OffsetReset;
import dev.pageevents.core.config.PageEventSinkConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connector side every sink of the pack shares: checks the config at start, gives each task a
 * copy of it with its task number, and answers offset changes through the REST API as the sink's
 * {@code offsets.reset} says. A sink names its config and task and says how to clear its read
 * model.
 */
public abstract class PageEventSinkConnector extends SinkConnector {
  private static final Logger log = LoggerFactory.getLogger(PageEventSinkConnector.class);
  private Map<String, String> props;

  /** Parses the connector's settings, failing with a per-setting message when they are wrong. */
  protected abstract PageEventSinkConfig parseConfig(Map<String, String> props);

  /**
   * Removes everything this connector wrote to its store, data and stored offsets, so that a replay
   * of the topic rebuilds it. Called by {@link #alterOffsets} with {@code offsets.reset=rebuild},
   * while the connector is stopped.
   *
   * @param props the connector's config
   * @throws Exception anything the store raised; the offsets then stay as they were
   */
  protected abstract void clearReadModel(Map<String, String> props) throws Exception;

  /**
   * Answers {@code DELETE} / {@code PATCH /connectors/<name>/offsets} (KIP-875) as {@code
   * offsets.reset} says: applies them, clears the read model first ({@code rebuild}), or refuses
   * with a message that says what to do.
   */
  @Override
  public boolean alterOffsets(
      Map<String, String> connectorConfig, Map<TopicPartition, Long> offsets) {
    PageEventSinkConfig config = parseConfig(connectorConfig);
    String name = config.connectorName();
    if (config.offsetReset().decide(name, offsets) == OffsetReset.Action.CLEAR_THEN_APPLY) {
      log.info("Clearing the read model of connector {} before its offsets are reset", name);
      try {
        clearReadModel(connectorConfig);
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

  @Override
  public void start(Map<String, String> props) {
    parseConfig(props);
    this.props = Map.copyOf(props);
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
