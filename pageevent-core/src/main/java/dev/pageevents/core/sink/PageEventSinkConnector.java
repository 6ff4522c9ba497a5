package dev.pageevents.core.sink;

import dev.pageevents.core.Version;
import dev.pageevents.core.config.PageEventSinkConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * The connector side every sink of the pack shares: checks the config at start and gives each task
 * a copy of it with its task number. A sink only names its config and task.
 */
public abstract class PageEventSinkConnector extends SinkConnector {
  private Map<String, String> props;

  /** Parses the connector's settings, failing with a per-setting message when they are wrong. */
  protected abstract PageEventSinkConfig parseConfig(Map<String, String> props);

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
